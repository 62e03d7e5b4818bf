def build(ctx):
    pass
