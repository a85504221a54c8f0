def load(home):
    pass
