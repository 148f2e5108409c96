"""Finite fields GF(p^k) as addition and multiplication tables.

The affine-plane constructions in `designs` need arithmetic in GF(q) for every
prime power q, not only for primes (GF(4), GF(8), GF(9) give the 4×4, 8×8 and
9×9 plans). An element is the integer whose base-p digits are the coefficients
of its polynomial over GF(p), so 0 and 1 are the field's zero and one; the
product is taken modulo the lexicographically first monic irreducible polynomial
of degree k. Fields with a few hundred elements are built in milliseconds.
"""

from dataclasses import dataclass
from functools import cache
from itertools import product


@dataclass(frozen=True)
class FiniteField:
    order: int
    add: tuple[tuple[int, ...], ...]
    mul: tuple[tuple[int, ...], ...]


def prime_power(number: int) -> tuple[int, int] | None:
    """(p, k) with p prime and p**k == number, or None."""
    if number < 2:
        return None
    prime = next(d for d in range(2, number + 1) if number % d == 0)
    exponent = 0
    while number % prime == 0:
        number //= prime
        exponent += 1
    return (prime, exponent) if number == 1 else None


@cache
def finite_field(order: int) -> FiniteField:
    found = prime_power(order)
    if found is None:
        raise ValueError(f"there is no field with {order} elements")
    prime, degree = found
    modulus = _irreducible(prime, degree)
    digits = [_digits(element, prime, degree) for element in range(order)]
    add = tuple(
        tuple(_number([(a + b) % prime for a, b in zip(x, y, strict=True)], prime) for y in digits)
        for x in digits
    )
    mul = tuple(
        tuple(_number(_reduce(_times(x, y, prime), modulus, prime), prime) for y in digits)
        for x in digits
    )
    return FiniteField(order=order, add=add, mul=mul)


def _digits(number: int, prime: int, degree: int) -> list[int]:
    """Coefficients, lowest power first."""
    coefficients = []
    for _ in range(degree):
        number, digit = divmod(number, prime)
        coefficients.append(digit)
    return coefficients


def _number(coefficients: list[int], prime: int) -> int:
    return sum(c * prime**i for i, c in enumerate(coefficients))


def _times(x: list[int], y: list[int], prime: int) -> list[int]:
    result = [0] * (len(x) + len(y) - 1)
    for i, a in enumerate(x):
        for j, b in enumerate(y):
            result[i + j] = (result[i + j] + a * b) % prime
    return result


def _reduce(poly: list[int], modulus: list[int], prime: int) -> list[int]:
    """poly mod modulus (monic, lowest power first), padded to the modulus's degree."""
    degree = len(modulus) - 1
    poly = poly[:]
    for top in range(len(poly) - 1, degree - 1, -1):
        factor = poly[top]
        if factor:
            for i, c in enumerate(modulus):
                poly[top - degree + i] = (poly[top - degree + i] - factor * c) % prime
    return (poly + [0] * degree)[:degree]


def _irreducible(prime: int, degree: int) -> list[int]:
    """The first monic polynomial of the degree that no monic polynomial of lower degree divides."""
    if degree == 1:
        return [0, 1]
    for lower in product(range(prime), repeat=degree):
        candidate = [*lower, 1]
        if candidate[0] and not any(
            not any(_reduce(candidate, [*divisor, 1], prime))
            for d in range(1, degree // 2 + 1)
            for divisor in product(range(prime), repeat=d)
        ):
            return candidate
    raise AssertionError("every degree has an irreducible polynomial")
