"""The discussion, comments 50–99 (in posting order)."""

from __future__ import annotations

SECOND_HALF = [
    # 50: Tobias Wrenfield, reply to 43
    {
        "commenter": 35,
        "parent": 43,
        "body": (
            "It's not hard to look up: three mayors from three different parties. "
            "Naming them would have turned it into a party fight, which is precisely "
            "the trap the piece is trying to avoid."
        ),
    },
    # 51: Wim de Groot-Verhoef, top-level
    {
        "commenter": 31,
        "parent": None,
        "body": (
            "Where I grew up, we had a similar concession scandal. The contract was "
            "renegotiated with real penalties and leakage fell by a third in six "
            "years.\n\n"
            "It can be done. It needs a regulator with teeth and a council "
            "willing to be unpopular."
        ),
    },
    # 52: Ingrid Solvang, reply to 47
    {
        "commenter": 34,
        "parent": 47,
        "body": (
            "Weekly. During a drought emergency. Thank you, Petra, that explains the "
            "bathtub full of water my neighbour has been guarding since the weekend."
        ),
    },
    # 53: Yara Nasser, top-level
    {
        "commenter": 41,
        "parent": None,
        "body": (
            "Where is the regulator in all of this? Fines of 4.2 million over fourteen "
            "years is not regulation. It is a rounding error with a logo on it."
        ),
    },
    # 54: Rosalind Thwaite, top-level
    {
        "commenter": 28,
        "parent": None,
        "body": (
            "I'm glad the article mentions the drowned village. My grandmother was "
            "born in Selk. Seeing that road come back every dry year is strange and "
            "sad for families like ours."
        ),
    },
    # 55: Nadia Benhamou, reply to 51
    {
        "commenter": 32,
        "parent": 51,
        "body": (
            "Which city was that? I would love to read about it. Examples like that "
            "are what our council needs to hear, instead of another glossy "
            "desalination brochure."
        ),
    },
    # 56: Dmitri Halvorsen, top-level
    {
        "commenter": 19,
        "parent": None,
        "body": (
            "Small point of pedantry: 38 per cent is non-revenue water, which includes "
            "billing errors and theft. Physical leakage alone is probably closer to "
            "30. Still terrible, but precision matters."
        ),
    },
    # 57: Stellan Vik, reply to 54
    {
        "commenter": 54,
        "parent": 54,
        "body": (
            "Thank you for sharing that. I walked the road last weekend and didn't "
            "once think about the people who had to leave. I will next time."
        ),
    },
    # 58: Eleni Papadaki, top-level
    {
        "commenter": 45,
        "parent": None,
        "body": (
            "Can someone explain why the article treats the ministry appointing the "
            "regulator's board as a scandal? Who else would appoint it?"
        ),
    },
    # 59: Kasimir Obst, top-level
    {
        "commenter": 37,
        "parent": None,
        "body": (
            "I'm a monthly donor to this site and this is exactly why. Nobody else in "
            "Castrel has actually read the contract. Three months on one story is what "
            "journalism is supposed to be."
        ),
    },
    # 60: Zoë Ferreira, reply to 56
    {
        "commenter": 0,
        "parent": 56,
        "body": (
            "The article does say that, in fairness. And the regulator's breakdown "
            "puts physical losses at 31 per cent for 2025, so you're basically right."
        ),
    },
    # 61: Lucía Ventura, top-level
    {
        "commenter": 38,
        "parent": None,
        "body": (
            "Why is nobody talking about rainwater harvesting? Every roof in the city "
            "could collect water for toilets and gardens. It won't solve everything, "
            "but it's cheap and we could start tomorrow."
        ),
    },
    # 62: Sabine Roux-Adler, reply to 58
    {
        "commenter": 6,
        "parent": 58,
        "body": (
            "Parliament, with fixed terms and no early dismissal, is the usual answer. "
            "When the ministry can replace the board at will, the regulator quickly "
            "learns not to embarrass the ministry."
        ),
    },
    # 63: Felix Ambrose, top-level
    {
        "commenter": 40,
        "parent": None,
        "body": (
            "The engineer's line about only seeing a leak when it comes up through the "
            "road is going to stay with me. Imagine running any other business that "
            "way."
        ),
    },
    # 64: Henrik Dalby, reply to 61
    {
        "commenter": 3,
        "parent": 61,
        "body": (
            "It helps at the margins, but in a drought the problem is precisely that "
            "it isn't raining. Storage tanks sit empty at exactly the moment you need "
            "them."
        ),
    },
    # 65: Marek Dvořák, top-level
    {
        "commenter": 44,
        "parent": None,
        "body": (
            "Greywater recycling should be mandatory in every new building in Castrel. "
            "Other drought-prone cities required it years ago, and it costs almost "
            "nothing if it is designed in from the start."
        ),
    },
    # 66: Hamza Qureshi, top-level
    {
        "commenter": 48,
        "parent": None,
        "body": (
            "The company's point about tariff freezes is stronger than the article "
            "allows. Real bills falling by a quarter in a decade is huge. You get what "
            "you pay for."
        ),
    },
    # 67: Ngozi Adeyemi-Okafor, reply to 66
    {
        "commenter": 2,
        "parent": 66,
        "body": (
            "Households got what they paid for while Aquilon paid dividends every "
            "single year. If the tariff was too low to invest, how was it high enough "
            "to distribute profits?"
        ),
    },
    # 68: Chiara Benvenuti, top-level
    {
        "commenter": 24,
        "parent": None,
        "body": (
            "I'd like to know more about the 2021 council study. Who commissioned it, "
            "and why exactly was it shelved? That feels like the real story here."
        ),
    },
    # 69: Samir Haddad-Lunde, top-level
    {
        "commenter": 21,
        "parent": None,
        "body": (
            "Fine reporting, but the headline overreaches. 'Half the story' suggests "
            "the drought barely matters. It is the trigger, sure, but a drought this "
            "severe would stress any water system in the world."
        ),
    },
    # 70: Hamza Qureshi, reply to 67
    {
        "commenter": 48,
        "parent": 67,
        "body": (
            "Because shareholders won't fund investments that earn nothing. Low "
            "permitted returns mean no new capital. Blame the tariff, not the "
            "arithmetic."
        ),
    },
    # 71: Ruairí Nolan, top-level
    {
        "commenter": 50,
        "parent": None,
        "body": (
            "Tanker in our street for the fourth day. Queue at seven in the morning. "
            "Elderly neighbours can't carry twenty litres up four flights. Whoever "
            "wrote the emergency plan has never lived above the ground floor."
        ),
    },
    # 72: Agnieszka Kowal, reply to 68
    {
        "commenter": 51,
        "parent": 68,
        "body": (
            "It was commissioned by the infrastructure committee before the last "
            "election, and the new majority dropped it in its first budget. The "
            "minutes are public: "
            "https://example.org/castrel-council/minutes/2022-03-infrastructure"
        ),
    },
    # 73: Ifeoma Chukwu, top-level
    {
        "commenter": 8,
        "parent": None,
        "body": (
            "The section on what fixing it would take is the weakest part. It lists "
            "principles everyone agrees with and skips the hard question: who is going "
            "to vote for higher bills?"
        ),
    },
    # 74: Beatriz Lhomme, reply to 71
    {
        "commenter": 47,
        "parent": 71,
        "body": (
            "Our residents' association in Varnet set up a rota of younger people to "
            "carry water for older neighbours. Maybe you could try something similar? "
            "Happy to share what worked for us."
        ),
    },
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
