"""A plausible gender focal point network for the 2011 report (paragraph 18): at the end of
the period (30 November 2011) it has more focal points, more men among them and more
countries than a year before. The people are invented; their emails use example.org.

Loaded like the other sample records: a focal point someone has changed since stays as
they made it (samples/sample_data/load.py, `upsert`).
"""

import unicodedata
from datetime import date

# (office, country code, region)
OFFICES = [
    ("Nairobi Regional Office", "KE", "africa"),
    ("Pretoria Regional Office", "ZA", "africa"),
    ("Dakar Regional Office", "SN", "africa"),
    ("Accra Country Office", "GH", "africa"),
    ("Addis Ababa Special Liaison Office", "ET", "africa"),
    ("Kinshasa Country Office", "CD", "africa"),
    ("Harare Country Office", "ZW", "africa"),
    ("Lusaka Country Office", "ZM", "africa"),
    ("Abuja Country Office", "NG", "africa"),
    ("Kampala Country Office", "UG", "africa"),
    ("Maputo Country Office", "MZ", "africa"),
    ("Buenos Aires Regional Office", "AR", "americas"),
    ("San José Regional Office", "CR", "americas"),
    ("Bogotá Country Office", "CO", "americas"),
    ("Lima Regional Office", "PE", "americas"),
    ("Guatemala City Country Office", "GT", "americas"),
    ("Port-au-Prince Country Office", "HT", "americas"),
    ("Washington Regional Office", "US", "americas"),
    ("Santo Domingo Country Office", "DO", "americas"),
    ("Quito Country Office", "EC", "americas"),
    ("Bangkok Regional Office", "TH", "asia_pacific"),
    ("Manila Administrative Centre", "PH", "asia_pacific"),
    ("Dhaka Regional Office", "BD", "asia_pacific"),
    ("Islamabad Country Office", "PK", "asia_pacific"),
    ("Kabul Country Office", "AF", "asia_pacific"),
    ("Jakarta Country Office", "ID", "asia_pacific"),
    ("Canberra Regional Office", "AU", "asia_pacific"),
    ("Colombo Country Office", "LK", "asia_pacific"),
    ("Hanoi Country Office", "VN", "asia_pacific"),
    ("Kathmandu Country Office", "NP", "asia_pacific"),
    ("Brussels Regional Office", "BE", "europe"),
    ("Vienna Regional Office", "AT", "europe"),
    ("Helsinki Regional Office", "FI", "europe"),
    ("Rome Regional Office", "IT", "europe"),
    ("Budapest Regional Office", "HU", "europe"),
    ("Moscow Country Office", "RU", "europe"),
    ("Ankara Country Office", "TR", "europe"),
    ("Kyiv Country Office", "UA", "europe"),
    ("Madrid Country Office", "ES", "europe"),
    ("Lisbon Country Office", "PT", "europe"),
    ("Cairo Regional Office", "EG", "middle_east"),
    ("Amman Country Office", "JO", "middle_east"),
    ("Tunis Country Office", "TN", "middle_east"),
    ("Beirut Country Office", "LB", "middle_east"),
    ("Rabat Country Office", "MA", "middle_east"),
    ("Sana’a Country Office", "YE", "middle_east"),
    ("Headquarters, Human Resources Management Division", "CH", "headquarters"),
    ("Headquarters, Migration Health Division", "CH", "headquarters"),
    ("Headquarters, Department of Operations and Emergencies", "CH", "headquarters"),
    ("Headquarters, Labour and Facilitated Migration Division", "CH", "headquarters"),
]

WOMEN = ["Amina", "Lucía", "Mei", "Olga", "Fatou", "Ingrid", "Priya", "Nadia", "Rosa", "Leila"]
MEN = ["Samuel", "Diego", "Karim", "Anders", "Kofi", "Tomás", "Ravi", "Yusuf", "Marco", "Jonas"]
SURNAMES = [
    "Achieng",
    "Barros",
    "Chen",
    "Dimitrova",
    "Eze",
    "Fernández",
    "Gupta",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kamau",
    "Lindqvist",
    "Mensah",
    "Nguyen",
    "Okafor",
    "Pereira",
    "Quispe",
    "Rahman",
    "Suárez",
    "Tadesse",
]

PERIOD_END = date(2011, 11, 30)
YEAR_BEFORE = date(2010, 11, 30)


def _person(n, man):
    first = (MEN if man else WOMEN)[n % 10]
    last = SURNAMES[(n * 7) % len(SURNAMES)]
    ascii_name = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore")
    return f"{first} {last}", f"{ascii_name.decode().lower()}.{n}@example.org"


def focal_points():
    """Each sample focal point as a dict of FocalPoint fields, with `trained` for new ones.

    Every fifth office joined the network in 2011, every other one of them with a man;
    every fourth has an alternate; every ninth changed focal point in April 2011.
    """
    people = []
    for i, (office, country, region) in enumerate(OFFICES):
        joined_2011 = i % 5 == 4
        man = (i % 10 == 4) if joined_2011 else (i % 6 == 1)
        appointed = date(2011, 2 + i % 8, 1) if joined_2011 else date(2008 + i % 3, 1 + i % 12, 1)
        spec = {
            "office": office,
            "country": country,
            "region": region,
            "role": "focal_point",
            "sex": "man" if man else "woman",
            "appointed_on": appointed,
            "ended_on": None,
            "time_share": 10 + 5 * (i % 3),
            "terms_of_reference_signed": i % 3 != 2,
            "trained": joined_2011,
        }
        if i % 9 == 3 and not joined_2011:
            # A change of focal point: the first served until March 2011.
            people.append({**spec, "ended_on": date(2011, 3, 31), "trained": False})
            new_sex = "man" if i % 18 == 3 else "woman"
            spec = {**spec, "appointed_on": date(2011, 4, 1), "sex": new_sex, "trained": True}
        people.append(spec)
        if i % 4 == 0:
            people.append(
                {
                    **spec,
                    "role": "alternate",
                    "sex": "man" if i % 16 == 0 else "woman",
                    "appointed_on": date(2011, 6, 1) if i % 8 == 0 else date(2010, 3, 1),
                    "ended_on": None,
                    "time_share": 5,
                    "trained": i % 8 == 0,
                }
            )
    for n, spec in enumerate(people):
        spec["name"], spec["email"] = _person(n, spec["sex"] == "man")
    return people


TRAINING = "Induction of new gender focal points"
# The 2011 activity in which the Unit guided the network (gcu_2011.py, section IV).
TRAINING_ACTIVITY = "gender-focal-point-network-2011"
