"""Teaches schemathesis the two formats openapi.yaml names beyond JSON Schema's own, so that it
generates identifiers their standards accept rather than strings that only look like them:
`iban` (ISO 13616, mod-97 check digits) and `vin` (ISO 3779). And draws days and instants
from the past: ARCA records what happened, so a day after today is refused by a rule of the
day that no schema can state, and fuzzing would stop there instead of reaching the rules
behind it."""

import datetime
import string

import schemathesis
from hypothesis import strategies as st

# Account-number structures from the SWIFT IBAN registry: n digits, a capitals, c either.
IBAN_STRUCTURES = {
    "BE": [(12, "n")],
    "DE": [(18, "n")],
    "NL": [(4, "a"), (10, "n")],
    "FR": [(10, "n"), (11, "c"), (2, "n")],
    "ES": [(20, "n")],
    "AT": [(16, "n")],
}
ALPHABETS = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits + string.ascii_uppercase}


def check_digits(country: str, account: str) -> str:
    numeric = "".join(str(int(character, 36)) for character in account + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


@st.composite
def ibans(draw) -> str:
    country = draw(st.sampled_from(sorted(IBAN_STRUCTURES)))
    account = "".join(
        draw(st.text(alphabet=ALPHABETS[kind], min_size=count, max_size=count)) for count, kind in IBAN_STRUCTURES[country]
    )
    return country + check_digits(country, account) + account


# European manufacturers: VINs whose first character is not 1 to 5 carry no mandatory check digit.
VIN_MANUFACTURERS = ["WVW", "WBA", "VF1", "ZFA", "SAL", "YV1", "TMB", "VSS"]
VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"

schemathesis.openapi.format("iban", ibans())
schemathesis.openapi.format(
    "vin",
    st.builds(lambda wmi, rest: wmi + rest, st.sampled_from(VIN_MANUFACTURERS), st.text(alphabet=VIN_CHARACTERS, min_size=14, max_size=14)),
)

# Days from 1900 (the first a record may carry) to yesterday, instants to an hour ago: the
# office's today, in its time zone, is never before these.
YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)
schemathesis.openapi.format("date", st.dates(min_value=datetime.date(1900, 1, 1), max_value=YESTERDAY).map(str))
schemathesis.openapi.format(
    "date-time",
    st.datetimes(min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(hours=1)).map(
        lambda instant: instant.replace(microsecond=0).isoformat() + "Z"
    ),
)
