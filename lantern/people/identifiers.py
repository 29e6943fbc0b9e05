"""Check-digit validation for the identifiers that join records across agencies.

A mistyped NHS number or UPN is worse than none: it joins the wrong child. Both carry a
check character, so every one entered or received is checked before it is stored.
"""

import re

from django.core.exceptions import ValidationError

UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters: no I, O or S


def normalise_nhs_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def nhs_check_digit(first_nine: str) -> int | None:
    """Modulus 11 over the first nine digits, weights 10 down to 2; None if no valid digit."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def validate_nhs_number(value: str) -> str:
    number = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", number):
        raise ValidationError(
            "Enter an NHS number with 10 digits, like 943 476 5919", code="nhs_format"
        )
    if nhs_check_digit(number[:9]) != int(number[9]):
        raise ValidationError(
            "Enter a valid NHS number: the check digit does not match", code="nhs_check_digit"
        )
    return number


def _upn_value(char: str) -> int:
    return int(char) if char.isdigit() else UPN_CHECK_LETTERS.index(char)


def upn_check_letter(last_twelve: str) -> str:
    """Characters 2–13 weighted 2–13, summed, modulo 23, mapped to the check letters."""
    total = sum(_upn_value(c) * w for c, w in zip(last_twelve, range(2, 14), strict=True))
    return UPN_CHECK_LETTERS[total % 23]


def normalise_upn(value: str) -> str:
    return re.sub(r"\s", "", value or "").upper()


def validate_upn(value: str) -> str:
    """A permanent or temporary UPN (DfE rules 1510, 1540, 1550)."""
    upn = normalise_upn(value)
    if not re.fullmatch(rf"[{UPN_CHECK_LETTERS}]\d{{11}}[{UPN_CHECK_LETTERS}0-9]", upn):
        raise ValidationError(
            "Enter a UPN of 13 characters: a check letter, 11 digits, then a digit or letter",
            code="upn_format",
        )
    if upn_check_letter(upn[1:]) != upn[0]:
        raise ValidationError(
            "Enter a valid UPN: the check letter does not match", code="upn_check_letter"
        )
    return upn


def make_nhs_number(first_nine: str) -> str | None:
    """Complete nine digits into a valid NHS number (synthetic data and tests)."""
    check = nhs_check_digit(first_nine)
    return None if check is None else f"{first_nine}{check}"


def make_upn(last_twelve: str) -> str:
    return upn_check_letter(last_twelve) + last_twelve
