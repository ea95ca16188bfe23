"""Content packs: signed, offline updates of the public facts (guide, contacts, minimum wages, fee limits).

A support group builds and signs a pack (`build.build_pack`); the app verifies it against the publisher
keys it ships (`keys`, `pack.read_pack`), shows what it changes and installs it atomically beside the
bundled facts (`store.FactsStore`). Fact lookups go through `handbook_app.resources.facts_path`, so
bundled and installed facts share one code path. See docs/content-packs.md.
"""
