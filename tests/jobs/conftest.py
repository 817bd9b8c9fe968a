from tests.activities.test_import import registries  # noqa: F401 - the import's registries
