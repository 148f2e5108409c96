import pytest
from django.core.cache import cache

from netzwerkstatt.core.throttle import Throttle, client_address


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_throttle_holds_off_a_key_once_its_hits_are_used_up():
    throttle = Throttle("test-tokens", allowed=3)

    counts = [throttle.hit("203.0.113.7") for _ in range(3)]

    assert counts == [1, 2, 3]
    assert throttle.held_off("203.0.113.7")
    assert not throttle.held_off("203.0.113.8")


def test_throttle_keys_and_names_count_apart():
    tokens = Throttle("test-tokens", allowed=2)
    suggestions = Throttle("test-suggestions", allowed=2)

    tokens.hit("a")
    tokens.hit("a")
    suggestions.hit("a")
    tokens.hit("b")

    assert tokens.held_off("a")
    assert not tokens.held_off("b")
    assert not suggestions.held_off("a")


def test_throttle_starts_again_when_the_window_has_passed():
    throttle = Throttle("test-tokens", allowed=1, seconds=600)
    throttle.hit("a")
    assert throttle.held_off("a")

    cache.clear()  # what the cache does once the window's seconds have passed

    assert not throttle.held_off("a")
    assert throttle.hit("a") == 1


def test_client_address_is_the_remote_address(rf):
    assert client_address(rf.get("/", REMOTE_ADDR="198.51.100.4")) == "198.51.100.4"
