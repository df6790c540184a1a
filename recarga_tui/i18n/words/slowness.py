"""Why the system counts as slow (R15)."""

WORDS = {
    "slow.peak_hours": (
        "Es hora pico de las compañías ({start} a {end}): el sistema suele ir lento",
        "Carriers' peak hours ({start} to {end}): the system is usually slow",
    ),
    "slow.notice_slow": (
        "El aviso de situación del sistema dice que está lento",
        "The system status notice says it is slow",
    ),
    "slow.notice_down": (
        "El aviso de situación del sistema dice que no funciona",
        "The system status notice says it is down",
    ),
    "slow.carrier_degraded": (
        "{carrier} está respondiendo con lentitud",
        "{carrier} is answering slowly",
    ),
    "slow.carrier_down": (
        "{carrier} no está recibiendo recargas en este momento",
        "{carrier} is not taking top-ups right now",
    ),
    "slow.measured_latency": (
        "Las últimas respuestas tardaron unos {seconds} segundos",
        "The latest answers took about {seconds} seconds",
    ),
}
