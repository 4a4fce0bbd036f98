"""The discussion, comments 75–99 (in posting order)."""

from __future__ import annotations

COMMENTS_75_TO_99 = [
    # 75: Ngozi Adeyemi-Okafor, reply to 70
    {
        "commenter": 2,
        "parent": 70,
        "body": (
            "Then the honest move was to say so publicly and argue for a tariff rise, "
            "not to quietly skip the investment for a decade. That's the part I can't "
            "forgive."
        ),
    },
    # 76: Viktor Sandgren, top-level
    {
        "commenter": 56,
        "parent": None,
        "body": (
            "A question for the authors: did Aquilon answer the specific question "
            "about its dividends, or only the general one about tariffs? The article "
            "quotes only the second."
        ),
    },
    # 77: Tove Bergstrand, reply to 73
    {
        "commenter": 49,
        "parent": 73,
        "body": (
            "People accept higher bills when they can see what they are getting. "
            "That's why the published leakage data matters so much: it's the receipt."
        ),
    },
    # 78: Oisín Gallagher, top-level
    {
        "commenter": 46,
        "parent": None,
        "body": (
            "Castrel has been in denial about water since the day the dam was "
            "finished. The whole city was planned as though the Vesna were a great "
            "northern river rather than a modest one in a dry country."
        ),
    },
    # 79: Ruairí Nolan, reply to 74
    {
        "commenter": 50,
        "parent": 74,
        "body": (
            "That's a lovely idea, Beatriz. I'll put a notice up in the stairwell "
            "tonight. It still shouldn't be left to us, though."
        ),
    },
    # 80: Paloma Iturbe, top-level
    {
        "commenter": 55,
        "parent": None,
        "body": (
            "For anyone who wants to check the rainfall claims themselves, the met "
            "office series is downloadable. I've put a cleaned-up copy at "
            "https://example.org/data/rainfall.csv and the last three winters are "
            "startling."
        ),
    },
    # 81: Desmond Achterberg, top-level
    {
        "commenter": 52,
        "parent": None,
        "body": (
            "Photos of Dunmere should be on every billboard in the city. 'Every Drop "
            "Counts' means nothing until people see with their own eyes how empty the "
            "reservoir really is."
        ),
    },
    # 82: Halima Yusuf-Garba, top-level
    {
        "commenter": 59,
        "parent": None,
        "body": (
            "I'm a nurse at the Kessing general hospital. We have had two pressure "
            "drops this month.\n\n"
            "The plan says nothing useful about hospitals or care "
            "homes, and nobody seems to have asked us what we need."
        ),
    },
    # 83: Sunniva Rønning, top-level
    {
        "commenter": 43,
        "parent": None,
        "body": (
            "The tone of some comments here towards farmers is unpleasant. Tadeo's "
            "family helps feed this city. We can argue about permits without sneering "
            "at the people who grow our food."
        ),
    },
    # 84: Amara Diallo-Sesay, top-level
    {
        "commenter": 36,
        "parent": None,
        "body": (
            "Reading this from abroad; my family still lives in Castrel and I have "
            "sent it to all of them. A social tariff would make a real difference to "
            "my parents, who already count every litre."
        ),
    },
    # 85: Bruno Tessaro, reply to 82
    {
        "commenter": 58,
        "parent": 82,
        "body": (
            "The plan does mention 'critical facilities' in an annex, but with no "
            "detail at all. That's a serious gap. It's worth raising with the health "
            "board directly, in writing."
        ),
    },
    # 86: Piotr Sobierajski, top-level
    {
        "commenter": 17,
        "parent": None,
        "body": (
            "The article treats the desalination plan as pure politics. Isn't it "
            "possible the ministry simply has different cost numbers from the "
            "Institute?"
        ),
    },
    # 87: Maren Castell, top-level
    {
        "commenter": 4,
        "parent": None,
        "body": (
            "I work for a district council near Lessa. Revising permits is the right "
            "idea, but the basin authority has eleven staff for the entire catchment. "
            "It would take them years to get through the register."
        ),
    },
    # 88: Dmitri Halvorsen, reply to 86
    {
        "commenter": 19,
        "parent": 86,
        "body": (
            "Possible, but then it should publish them. The plan contains no "
            "comparison at all. If the ministry's numbers are better, the Institute's "
            "analysis ought to be easy to rebut."
        ),
    },
    # 89: Emeka Obiora, top-level
    {
        "commenter": 27,
        "parent": None,
        "body": (
            "Excellent reporting. One request: a follow-up on what residents can "
            "actually do right now, beyond taking shorter showers and feeling guilty "
            "about it."
        ),
    },
    # 90: Hanna Östlund, reply to 89
    {
        "commenter": 26,
        "parent": 89,
        "body": (
            "Check your own meter overnight with every tap off. If it moves, you have "
            "a leak on your side. That simple test found two in our building."
        ),
    },
    # 91: Jiří Pavelka, top-level
    {
        "commenter": 29,
        "parent": None,
        "body": (
            "620 million for fixing leaks against 1.1 billion for desalination is the "
            "line that should be read out in parliament. Nobody can argue with that "
            "arithmetic."
        ),
    },
    # 92: Mireille Fontaine-Ndiaye, top-level
    {
        "commenter": 53,
        "parent": None,
        "body": (
            "Clause 14.3 is a masterpiece of drafting: 'reasonable endeavours', then "
            "'indicative', then a proviso saying that missing the target is never a "
            "material breach. Whoever negotiated that for Aquilon earned their fee."
        ),
    },
    # 93: Ines Albuquerque, top-level
    {
        "commenter": 57,
        "parent": None,
        "body": (
            "I teach geography at a secondary school in Castrel and I'll be using this "
            "with my students next week. Most of them had no idea Dunmere was built "
            "over a village."
        ),
    },
    # 94: Fenella Markham, reply to 91
    {
        "commenter": 22,
        "parent": 91,
        "body": (
            "They can, actually, because one gives you firm capacity in a drought and "
            "the other depends on the reservoir refilling. It's comparing apples and "
            "pears."
        ),
    },
    # 95: Tobias Wrenfield, reply to 92
    {
        "commenter": 35,
        "parent": 92,
        "body": (
            "And whoever signed it for the city should have to explain why. The "
            "council's lawyers must have known exactly what those three phrases meant."
        ),
    },
    # 96: Nadia Benhamou, top-level
    {
        "commenter": 32,
        "parent": None,
        "body": (
            "Interesting that the ministry says network management is a matter for the "
            "municipality. The same ministry appoints the regulator's board. It cannot "
            "have it both ways."
        ),
    },
    # 97: Bruno Tessaro, top-level
    {
        "commenter": 58,
        "parent": None,
        "body": (
            "The bottling plant, the golf course at Hessel, the new data centre on the "
            "ring road: I would love a follow-up on the biggest individual water users."
        ),
    },
    # 98: Jiří Pavelka, reply to 94
    {
        "commenter": 29,
        "parent": 94,
        "body": (
            "Apples and pears is appropriate for a basin full of orchards. But "
            "recovered leakage is firm too: it's water you stop losing, whatever the "
            "weather does."
        ),
    },
    # 99: Bogdan Iliescu, reply to 97
    {
        "commenter": 23,
        "parent": 97,
        "body": (
            "The data centre uses closed-loop cooling, I believe, so it takes less "
            "than people assume. The golf course, though, absolutely deserves a closer "
            "look."
        ),
    },
]
