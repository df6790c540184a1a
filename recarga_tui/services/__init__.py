"""The procedure, one service each: the screens call these, never TinyDB or HTTP."""
