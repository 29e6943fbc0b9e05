import pytest
from django.core.exceptions import ValidationError

from lantern.people.identifiers import (
    make_nhs_number,
    make_upn,
    validate_nhs_number,
    validate_upn,
)


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_it_accepts_valid_nhs_numbers(number):
    assert validate_nhs_number(number) == number.replace(" ", "").replace("-", "")


@pytest.mark.parametrize("number", ["9434765918", "9434765910", "4010232138"])
def test_it_refuses_an_nhs_number_with_the_wrong_check_digit(number):
    with pytest.raises(ValidationError) as error:
        validate_nhs_number(number)
    assert error.value.code == "nhs_check_digit"


@pytest.mark.parametrize("number", ["", "943476591", "94347659190", "94347A5919", "abc"])
def test_it_refuses_an_nhs_number_that_is_not_ten_digits(number):
    with pytest.raises(ValidationError) as error:
        validate_nhs_number(number)
    assert error.value.code == "nhs_format"


def test_it_never_issues_a_number_whose_check_digit_would_be_ten():
    # 000000006: weighted sum 6*2 = 12, 12 % 11 = 1, 11 - 1 = 10: no valid check digit exists.
    assert make_nhs_number("000000006") is None
    for last in "0123456789":
        with pytest.raises(ValidationError):
            validate_nhs_number("000000006" + last)


def test_every_check_digit_position_matters():
    base = "943476591"
    for i in range(9):
        altered = base[:i] + str((int(base[i]) + 1) % 10) + base[i + 1 :]
        assert make_nhs_number(altered) != altered + "9"


@pytest.mark.parametrize("upn", ["A123456789012", "H801200001001", "T123456789013"])
def test_it_accepts_upns_whose_check_letter_matches(upn):
    assert validate_upn(make_upn(upn[1:])) == make_upn(upn[1:])


def test_it_computes_the_published_check_letter():
    # Weights 2..13 over "309210012001": 3*2+0+9*4+2*5+1*6+0+0+1*9+2*10+0+0+1*13 = 100;
    # 100 mod 23 = 8 -> the ninth letter of ABCDEFGHJKLMNPQRTUVWXYZ is J.
    assert make_upn("309210012001") == "J309210012001"
    assert validate_upn("j309210012001") == "J309210012001"


def test_it_accepts_a_temporary_upn_ending_in_a_letter():
    upn = make_upn("30921001200A")
    assert validate_upn(upn) == upn


@pytest.mark.parametrize("upn", ["K309210012001", "A309210012001"])
def test_it_refuses_a_upn_with_the_wrong_check_letter(upn):
    with pytest.raises(ValidationError) as error:
        validate_upn(upn)
    assert error.value.code == "upn_check_letter"


@pytest.mark.parametrize("upn", ["J30921001200", "I309210012001", "J3092100120O1", "1309210012001"])
def test_it_refuses_a_malformed_upn(upn):
    with pytest.raises(ValidationError) as error:
        validate_upn(upn)
    assert error.value.code == "upn_format"
