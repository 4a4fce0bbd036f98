"""The discussion, comments 50–74 (in posting order)."""

from __future__ import annotations

COMMENTS_50_TO_74 = [
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
]
