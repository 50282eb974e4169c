"""unmatched.part_says: when the part model's best drop is reported as a sentence left out or
added inside a link."""

from __future__ import annotations

import math

import pytest

from alignment.check_config import CheckConfig
from alignment.unmatched import PartDrop, part_says


def _drop(gain: float, p: float) -> tuple[PartDrop, CheckConfig]:
    """A drop of the given cosine gain, and a config whose one-feature model gives it probability p."""
    z = math.log(p / (1 - p))
    return PartDrop("src", 1, 0.5, gain, (1.0,)), CheckConfig(part_weights=(z,), part_weights_linked=None)


@pytest.mark.parametrize("gain, p, said", [
    (0.03, 0.6, True),     # the sides match better without it, and the model agrees
    (0.03, 0.4, False),    # the model does not
    (0.01, 0.6, False),    # a gain this small is a real link's noise ...
    (0.01, 0.95, True),    # ... unless the model is sure (CheckConfig.part_sure)
    (0.0, 0.99, False),    # no gain, no finding
    (-0.01, 0.99, False),
])
def test_a_sure_model_needs_only_some_gain(gain: float, p: float, said: bool) -> None:
    drop, config = _drop(gain, p)
    assert part_says(drop, config) is said
