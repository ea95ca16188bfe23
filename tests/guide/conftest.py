import pytest


@pytest.fixture(scope="session")
def guide():
    from handbook_app.guide import load_guide

    return load_guide()


@pytest.fixture(scope="session")
def index(guide):
    from handbook_app.guide import GuideIndex

    return GuideIndex(guide)
