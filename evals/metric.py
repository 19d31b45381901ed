"""One measured figure, as every eval module returns it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Metric:
    """A named figure: ``eval`` groups it (``dates``), ``name`` says what it is (``value_acc``)."""

    eval: str
    name: str
    value: float
    data: str
    note: str = ""
    higher_is_better: bool = True

    @property
    def key(self) -> str:
        return f"{self.eval}.{self.name}"
