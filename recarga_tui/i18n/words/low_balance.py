"""Words of a pool of the dealer's running low (R14), before it bites."""

WORDS = {
    "low_balance.pool": (
        "Saldo bajo: {pool} tiene {available}, menos de {threshold}. Deposite pronto (D)",
        "Low balance: {pool} holds {available}, under {threshold}. Deposit soon (D)",
    ),
    "low_balance.after_sale": (
        "Con esta venta {pool} queda en {available}, menos de {threshold}: se vende, y "
        "conviene depositar pronto (D en el inicio)",
        "After this sale {pool} holds {available}, under {threshold}: it is sold, and a "
        "deposit is due soon (D at home)",
    ),
    "low_balance.main_pool": ("el saldo", "the balance"),
}
