# Types for the parts of pyswisseph (a C extension that ships none) the site calls.
# Signatures from the functions' own docstrings.

class Error(Exception): ...

SUN: int
MOON: int
MERCURY: int
VENUS: int
MARS: int
JUPITER: int
SATURN: int
URANUS: int
NEPTUNE: int
PLUTO: int
MEAN_NODE: int
TRUE_NODE: int
MEAN_APOG: int
OSCU_APOG: int
CHIRON: int
ECL_NUT: int

FLG_SWIEPH: int
FLG_MOSEPH: int
FLG_SPEED: int
FLG_HELCTR: int
FLG_EQUATORIAL: int
FLG_SIDEREAL: int

GREG_CAL: int
JUL_CAL: int

ECL_TOTAL: int
ECL_ANNULAR: int
ECL_PARTIAL: int
ECL_ANNULAR_TOTAL: int

SIDM_FAGAN_BRADLEY: int
SIDM_LAHIRI: int
SIDM_KRISHNAMURTI: int
SIDM_RAMAN: int

def set_ephe_path(path: str | None = ...) -> None: ...
def set_sid_mode(sidmode: int, t0: float = 0.0, ayan_t0: float = 0.0) -> None: ...
def julday(year: int, month: int, day: int, hour: float = 12.0, cal: int = ...) -> float: ...
def revjul(jd: float, cal: int = ...) -> tuple[int, int, int, float]: ...
def calc_ut(tjdut: float, planet: int, flags: int = ...) -> tuple[tuple[float, ...], int]: ...
def houses_ex(
    tjdut: float, lat: float, lon: float, hsys: bytes = b"P", flags: int = 0
) -> tuple[tuple[float, ...], tuple[float, ...]]: ...
def houses_armc(
    armc: float, lat: float, eps: float, hsys: bytes = b"P", ascmc9: float = 0.0
) -> tuple[tuple[float, ...], tuple[float, ...]]: ...
def sol_eclipse_when_glob(
    tjdut: float, flags: int = ..., ecltype: int = 0, backwards: bool = False
) -> tuple[int, tuple[float, ...]]: ...
def lun_eclipse_when(
    tjdut: float, flags: int = ..., ecltype: int = 0, backwards: bool = False
) -> tuple[int, tuple[float, ...]]: ...
