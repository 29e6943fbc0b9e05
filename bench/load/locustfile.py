"""Signed-in staff and a partner's system using Lantern at once (issue 15), for locust.

Each simulated person signs in through the real pages (password, then a TOTP code computed
from the authenticator secret ``accounts.py`` gave their account), then works with 1–3 s
between steps, following links as a person would: a social worker opens their children from
*My children*, reads records and chronologies, searches and records visits; a team manager
watches the team page and opens caseloads; a MASH officer works the front-door queue; the
police's system posts contacts to the partner API. Run it through ``bench/load/run.py``,
which starts the server, makes the accounts and reads the results; the target must be on
this machine (loopback), never anywhere else.
"""

import hashlib
import hmac
import ipaddress
import itertools
import json
import os
import random
import re
import struct
import time
import uuid
from urllib.parse import urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

ACCOUNTS = json.loads(open(os.environ["LANTERN_LOAD_ACCOUNTS"]).read())  # noqa: SIM115
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PERSON = re.compile(r'href="/people/(\d+)/"')
CONTACT = re.compile(r'href="/front-door/contacts/(\d+)/"')
WORKER = re.compile(r'href="/casework/team/(\d+)/"')
NEXT_ACCOUNT = {role: itertools.count() for role in ACCOUNTS["accounts"]}


@events.init.add_listener
def _loopback_only(environment, **kwargs):
    """A load test is aimed at this machine only: refuse any other target outright."""
    host = urlsplit(environment.host or "").hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SystemExit(f"the load test runs against loopback only, not {host!r}")


def totp(key_hex: str, at: float, step: int = 30) -> str:
    """RFC 6238 with SHA-1 and 6 digits, as authenticator apps and django-otp compute it."""
    counter = struct.pack(">Q", int(at) // step)
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def csrf_of(text: str) -> str:
    found = CSRF.search(text or "")
    return found.group(1) if found else ""


class Staff(FastHttpUser):
    abstract = True
    role = ""
    wait_time = between(1, 3)

    def on_start(self):
        pool = ACCOUNTS["accounts"][self.role]
        self.account = pool[next(NEXT_ACCOUNT[self.role]) % len(pool)]
        self.children: list[str] = []
        self.sign_in()

    def sign_in(self):
        page = self.client.get("/sign-in/", name="sign-in page")
        form = {
            "csrfmiddlewaretoken": csrf_of(page.text),
            "username": self.account["username"],
            "password": ACCOUNTS["password"],
            "next": "/",
        }
        with self.client.post(
            "/sign-in/",
            data=form,
            name="sign-in: password",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"password refused for {self.account['username']}")
                return
        # An account shared by two simulated people cannot use one code twice (django-otp
        # refuses a replayed code), so the second waits for the next 30-second step.
        for attempt in range(4):
            step = self.client.get("/sign-in/two-factor/?next=/", name="sign-in: code page")
            with self.client.post(
                "/sign-in/two-factor/",
                data={
                    "csrfmiddlewaretoken": csrf_of(step.text),
                    "code": totp(self.account["key"], time.time()),
                    "next": "/",
                },
                name="sign-in: code",
                allow_redirects=False,
                catch_response=True,
            ) as answer:
                if answer.status_code == 302:
                    return
                if attempt == 3:
                    answer.failure(f"second factor refused for {self.account['username']}")
                    return
                answer.success()
            time.sleep(30 - time.time() % 30 + 0.5)

    def page(self, path: str, name: str):
        """A page a signed-in person reads: anything but 200 (a redirect to sign-in, a
        refusal) is a failure, so a lost session cannot pass for a fast page."""
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {name}")
        return response

    def open_child(self):
        if not self.children:
            listing = self.page("/casework/my-children/", "my children")
            self.children = sorted(set(PERSON.findall(listing.text or "")))
        if self.children:
            return random.choice(self.children)
        return None

    @task(2)
    def search(self):
        surname = random.choice(ACCOUNTS["surnames"])
        self.page(f"/people/search/?q={surname}", "search")


class SocialWorker(Staff):
    role = "social_worker"
    weight = 14

    @task(5)
    def my_work(self):
        self.page("/casework/my-work/", "my work")

    @task(5)
    def child_record(self):
        child = self.open_child()
        if child:
            self.page(f"/people/{child}/", "child record and chronology")

    @task(2)
    def key_events(self):
        child = self.open_child()
        if child:
            self.page(f"/people/{child}/?key=1", "chronology: key events")

    @task(2)
    def casework(self):
        child = self.open_child()
        if child:
            self.page(f"/casework/{child}/", "casework overview")

    @task(1)
    def record_visit(self):
        child = self.open_child()
        if not child:
            return
        url = f"/casework/{child}/visit/new/"
        form = self.page(url, "visit form")
        seen = {"child_seen": "on", "seen_alone": "on", "child_words": "School is better."}
        location = self.post_visit(url, csrf_of(form.text), seen, child)
        if location:
            self.page(location, "visit saved")

    def post_visit(self, url, csrf: str, seen: dict, child, retry=True, kind="other") -> str:
        with self.client.post(
            url,
            data={
                "csrfmiddlewaretoken": csrf,
                "visited_on": time.strftime("%Y-%m-%d"),
                "kind": kind,
                **seen,
                "observations": "Load test visit: synthetic words only.",
            },
            name="record visit",
            allow_redirects=False,
            catch_response=True,
        ) as saved:
            # A refusal re-shows the form (200) naming the field: a failure here, except
            # the one a worker meets visiting an unborn child, who then records it as the
            # form asks: an assessment visit at which the expectant parent was seen.
            location = saved.headers.get("Location", "") if saved.status_code == 302 else ""
            if "saved=visit-new" in location:
                return location
            if retry and "not born yet" in (saved.text or ""):
                saved.success()
                unborn = {"expectant_parent_seen": "on"}
                again = csrf_of(saved.text)
                return self.post_visit(url, again, unborn, child, retry=False, kind="assessment")
            saved.failure(f"visit not saved for child {child}")
        return ""


class TeamManager(Staff):
    role = "team_manager"
    weight = 2

    @task(4)
    def team(self):
        page = self.page("/casework/team/", "team")
        workers = WORKER.findall(page.text or "")
        if workers:
            listing = self.page(f"/casework/team/{random.choice(workers)}/", "worker caseload")
            children = PERSON.findall(listing.text or "")
            if children:
                self.page(f"/people/{random.choice(children)}/", "child record and chronology")

    @task(1)
    def my_work(self):
        self.page("/casework/my-work/", "my work")


class MashOfficer(Staff):
    role = "mash_officer"
    weight = 3

    @task(4)
    def queue(self):
        page = self.page("/front-door/", "MASH queue")
        contacts = CONTACT.findall(page.text or "")
        if contacts:
            self.page(f"/front-door/contacts/{random.choice(contacts)}/", "contact")


class PartnerSystem(FastHttpUser):
    """The police's case system posting contacts: one simulated system per user."""

    weight = 1
    wait_time = between(1, 3)

    @task
    def post_contact(self):
        surname = random.choice(ACCOUNTS["surnames"])
        body = {
            "referrer": {"name": "PC Load", "role": "Response officer"},
            "people": [
                {
                    "role": "child",
                    "first_name": random.choice(["Amy", "Ben", "Cara", "Dev", "Ewa"]),
                    "last_name": surname,
                    "date_of_birth": f"20{random.randint(10, 22)}-0{random.randint(1, 9)}-15",
                }
            ],
            "concern": "Officers attended a domestic incident; the child was present.",
            "consent": "statutory",
            "lawful_basis": "Public task; Children Act 2004 s.11",
            "urgency": "standard",
            "kind": "police_domestic_abuse",
            "occurred_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600)),
        }
        self.client.post(
            "/api/v1/contacts",
            data=json.dumps(body),
            headers={
                "Authorization": f"Bearer {ACCOUNTS['token']}",
                "Idempotency-Key": uuid.uuid4().hex,
                "Content-Type": "application/json",
            },
            name="partner API: post contact",
        )
