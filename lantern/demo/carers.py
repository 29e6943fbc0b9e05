"""Who the borough's looked-after children live with: the council's own fostering households,
independent fostering agencies' households, children's homes (each with its Ofsted URN) and
supported accommodation, shared by many children over the years; and, made for one child,
kinship carers, the child's parents and prospective adopters.

A Haringey-sized council places about half its fostered children with its own carers and
half through agencies, most children's homes are private and many are outside London, as in
life: the placement postcode says how far from home a child lives. Weekly costs are what
councils pay (illustrative, London 2025): in-house fostering £450–£600, an agency household
£900–£1,100, a children's home £5,000–£8,000, supported accommodation £1,500–£3,000; kinship
carers are paid the fostering allowance, parents and adopters nothing per placement.
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from faker import Faker

from lantern.care.models import Carer
from lantern.demo import postcodes
from lantern.demo.households import INWARD_LETTERS, POSTCODE_DISTRICTS

K = Carer.Kind
# Outside the borough: neighbouring boroughs first, then the home counties and the coast,
# where most private children's homes are.
NEAR = ["EN1", "EN3", "N9", "N18", "N11", "N12", "E17", "E5", "N19", "NW9", "RM8", "SE9"]
FAR = ["CM1", "SG1", "ME7", "CT9", "LU1", "SS1", "HP1", "RH1"]
COSTS = {  # (kind, provider): weekly cost range in pounds; None: no placement cost
    (K.FOSTERING_HOUSEHOLD, "PR1"): (450, 600),
    (K.FOSTERING_HOUSEHOLD, "PR4"): (900, 1100),
    (K.KINSHIP, "PR1"): (250, 400),
    (K.CHILDRENS_HOME, "PR1"): (5000, 6500),
    (K.CHILDRENS_HOME, "PR4"): (5500, 8000),
    (K.SUPPORTED_ACCOMMODATION, "PR4"): (1500, 3000),
    (K.SUPPORTED_ACCOMMODATION, "PR5"): (1500, 2500),
}
# A foster placement's URN is its fostering service's (903 rule 218): the council's own, or
# one of the independent agencies it uses. Adopters without one: XXXXXXX (rule 243).
COUNCIL_FOSTERING = "SC059541"
AGENCIES = ["SC044312", "SC398211", "SC062718", "SC471903", "SC035566", "SC418820"]
URN_NOT_KNOWN = "XXXXXXX"
HOMES = ["House", "Lodge", "View", "Court", "Cottage", "Place"]
RELATIVES = ["grandmother", "grandparents", "aunt", "uncle", "older sister", "family friend"]


@dataclass
class Pool:
    """The shared carers at a borough's scale; a placement draws one by kind and provider."""

    rng: random.Random
    fake: Faker
    shared: dict

    @classmethod
    def build(cls, rng: random.Random, fake: Faker, scale: float) -> "Pool":
        pool = cls(rng, fake, {})
        sizes = {
            (K.FOSTERING_HOUSEHOLD, "PR1"): 140,
            (K.FOSTERING_HOUSEHOLD, "PR4"): 160,
            (K.CHILDRENS_HOME, "PR1"): 4,
            (K.CHILDRENS_HOME, "PR4"): 40,
            (K.SUPPORTED_ACCOMMODATION, "PR4"): 14,
            (K.SUPPORTED_ACCOMMODATION, "PR5"): 6,
        }
        for (kind, provider), size in sizes.items():
            pool.shared[kind, provider] = [
                pool.carer(kind, provider) for _ in range(max(2, round(size * scale)))
            ]
        return pool

    def all(self) -> list[Carer]:
        return [c for carers in self.shared.values() for c in carers]

    def postcode(self, far: float = 0.0, near: float = 0.3) -> str:
        rng, r = self.rng, self.rng.random()
        if r < far:
            district = rng.choice(FAR)
        elif r < far + near:
            district = rng.choice(NEAR)
        else:
            district = rng.choices(list(POSTCODE_DISTRICTS), list(POSTCODE_DISTRICTS.values()))[0]
        return postcodes.real(
            district, rng.randint(1, 9), "".join(rng.choices(INWARD_LETTERS, k=2))
        )

    def carer(self, kind: str, provider: str) -> Carer:
        fake, rng = self.fake, self.rng
        urn = ""
        if kind == K.FOSTERING_HOUSEHOLD:
            name = f"The {fake.last_name()} household"
            own = provider == "PR1"
            where = self.postcode(near=0.3 if own else 0.5, far=0.0 if own else 0.15)
            urn = COUNCIL_FOSTERING if own else rng.choice(AGENCIES)
        elif kind == K.CHILDRENS_HOME:
            name = f"{fake.last_name()} {rng.choice(HOMES)}"
            # The council's own homes are in the borough (903 rule 1015).
            where = (
                self.postcode(far=0.45, near=0.35) if provider == "PR4" else self.postcode(near=0)
            )
            urn = f"SC{rng.randint(100000, 999999)}"
        else:
            name = f"{fake.street_name()} supported accommodation"
            # Supported accommodation (K3) is placed in the borough: the 903 validator's rule
            # 241, without Ofsted's provider lists, takes the council's own area as the
            # provider's (csc-validator-be-903 0.1.17).
            where = self.postcode(near=0)
            urn = f"SC{rng.randint(100000, 999999)}"
        return Carer(name=name, kind=kind, provider=provider, urn=urn, postcode=where)

    def pick(self, kind: str, provider: str) -> Carer:
        return self.rng.choice(self.shared[kind, provider])

    def kinship(self, child, away_from: str = "") -> Carer:
        """A relative or friend, never at the child's home postcode: a child placed back
        home is placed with parents (P1), the only placement 903 rule 392d lets share it."""
        relative = self.rng.choice(RELATIVES)
        last = child.last if self.rng.random() < 0.6 else self.fake.last_name()
        where = self.postcode(near=0.35, far=0.1)
        while away_from and where == away_from:
            where = self.postcode(near=0.35, far=0.1)
        return Carer(
            name=f"{self.fake.first_name()} {last} ({relative})",
            kind=K.KINSHIP,
            provider="PR1",
            urn=COUNCIL_FOSTERING,  # connected persons approved by the council's service
            postcode=where,
        )

    def parents(self, child, postcode: str) -> Carer:
        return Carer(
            name=f"{child.last} family (parents)", kind=K.PARENTS, provider="PR0", postcode=postcode
        )

    def adopters(self) -> Carer:
        provider = "PR1" if self.rng.random() < 0.8 else "PR5"  # the RAA, or a voluntary agency
        return Carer(
            name=f"The {self.fake.last_name()} family (adopters)",
            kind=K.ADOPTERS,
            provider=provider,
            urn=URN_NOT_KNOWN,
            postcode=self.postcode(near=0.5, far=0.2),
        )

    def cost(self, carer: Carer) -> Decimal | None:
        span = COSTS.get((carer.kind, carer.provider))
        if span is None:
            return None
        return Decimal(5 * round(self.rng.uniform(*span) / 5))
