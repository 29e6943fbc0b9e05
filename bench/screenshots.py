"""Screenshots of every role's key pages, on a laptop and on a 320 px phone, so a reviewer
sees Lantern without signing in: `make screenshots`.

A small synthetic borough (the demo, never real data) is built in a throwaway SQLite
database, the development server is started on it, and headless Chromium (Debian's, as the
browser tests use) signs in as each demo login. The PNGs go to var/screenshots/ (ignored by
git); their paths are printed. Options: --scale (default 0.05), --seed, --out.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "lantern-demo"  # every demo login's password (README)
CHROMIUM = os.environ.get("LANTERN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 320, "height": 720}}
# Each login's pages: a path, or "first:<css>" to follow the first matching link on the page
# before (a child, a contact), so no database id is guessed.
PAGES = {
    "social.worker": [
        ("home", "/"),
        ("my-work", "/casework/my-work/"),
        ("casework", "first:main a[href^='/casework/'][href$='/']:not([href*='my-work'])"),
        ("child-record-and-chronology", "first:main a[href^='/people/'][href$='/']"),
        ("record-a-visit", "first:a[href$='/visit/new/']"),
    ],
    "team.manager": [("home", "/"), ("team", "/casework/team/")],
    "mash.officer": [
        ("mash-queue", "/front-door/"),
        ("contact", "first:#queue a[href^='/front-door/contacts/']"),
    ],
    "iro": [("home", "/"), ("my-reviews", "/care/iro/reviews/")],
    "partner.police": [
        ("home", "/"),
        ("my-referrals", "/front-door/my-referrals/"),
        ("make-a-referral", "/front-door/refer/"),
    ],
    "dpo": [("home", "/"), ("audit-log", "/access/audit/"), ("retention", "/access/retention/")],
    "admin": [("home", "/"), ("staff", "/staff/"), ("timescales", "/clocks/")],
    "performance": [("home", "/"), ("returns", "/returns/")],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lantern(env: dict, *args: str, **kwargs) -> subprocess.Popen | None:
    command = [sys.executable, "-m", "lantern", *args]
    if kwargs.pop("background", False):
        return subprocess.Popen(command, env=env, cwd=REPO, **kwargs)
    subprocess.run(command, env=env, cwd=REPO, check=True, **kwargs)
    return None


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own dev server)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for username, pages in PAGES.items():
            context = browser.new_context(viewport=SIZES["desktop"])
            page = context.new_page()
            page.set_default_timeout(20_000)
            page.goto(f"{base}/sign-in/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("button:has-text('Sign in')")
            page.wait_for_selector("#main-content")
            for name, where in pages:
                if where.startswith("first:"):
                    link = page.locator(where.removeprefix("first:")).first
                    if not link.count():
                        print(f"skipped {username}/{name}: no link to follow", file=sys.stderr)
                        continue
                    where = link.get_attribute("href")
                page.goto(f"{base}{where}")
                for size, viewport in SIZES.items():
                    page.set_viewport_size(viewport)
                    path = out / f"{username}--{name}--{size}.png"
                    page.screenshot(path=str(path), full_page=True)
                    saved.append(path)
                    print(path, flush=True)
                page.set_viewport_size(SIZES["desktop"])
            context.close()
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="0.05")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--out", type=Path, default=REPO / "var" / "screenshots")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lantern-screenshots-") as scratch:
        env = {
            **os.environ,
            "LANTERN_ENV": "development",
            "LANTERN_REQUIRE_2FA": "0",
            "DATABASE_URL": f"sqlite:///{scratch}/demo.sqlite3",
            "PYTHONPATH": str(REPO),
        }
        lantern(env, "migrate", "--verbosity", "0")
        lantern(env, "demo", "--seed", args.seed, "--scale", args.scale, stdout=subprocess.DEVNULL)
        port = free_port()
        server = lantern(
            env,
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            background=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
            saved = shoot(f"http://127.0.0.1:{port}", args.out)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"{len(saved)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
