from pathlib import Path

import pytest
from lxml import etree

SCHEMA = Path(__file__).resolve().parent.parent / "standards" / "iati-2.03"


@pytest.fixture(scope="session")
def schema():
    """The IATI 2.03 activity schema, as published (a copy kept with the tests)."""
    return etree.XMLSchema(etree.parse(str(SCHEMA / "iati-activities-schema.xsd")))
