"""The discussion, comments 25–49 (in posting order)."""

from __future__ import annotations

COMMENTS_25_TO_49 = [
    # 25: Fenella Markham, reply to 20
    {
        "commenter": 22,
        "parent": 20,
        "body": (
            "Fair hit on the bypass. I still think we need a source that doesn't "
            "depend on rain, but I'd happily sign a petition demanding a full, "
            "independent environmental review before anything is built."
        ),
    },
    # 26: Leontine Vasseur, top-level
    {
        "commenter": 18,
        "parent": None,
        "body": (
            "Whatever happens to tariffs, the utility must not disconnect households "
            "that fall behind during a drought. In Varnet, people already ration water "
            "because they fear the bill, not the shortage."
        ),
    },
    # 27: Callum Rafferty, top-level
    {
        "commenter": 33,
        "parent": None,
        "body": (
            "Every drought, the same cycle: emergency plan, commission, report, rain, "
            "shelf.\n\n"
            "I'll bet anyone here a coffee that in 2030 we will be reading "
            "this exact article with slightly different numbers."
        ),
    },
    # 28: Oskar Vintila, reply to 21
    {
        "commenter": 5,
        "parent": 21,
        "body": (
            "A per-person allowance sounds fair, but how would the utility even know "
            "how many people live in each flat? Meters are installed per dwelling, not "
            "per person."
        ),
    },
    # 29: Anaïs Berthelot, top-level
    {
        "commenter": 20,
        "parent": None,
        "body": (
            "Thank you for writing about this with actual documents instead of "
            "slogans. I have sent it to my council representative with the concession "
            "clause highlighted in yellow."
        ),
    },
    # 30: Bogdan Iliescu, top-level
    {
        "commenter": 23,
        "parent": None,
        "body": (
            "What nobody mentions is industry. The bottling plant up near Dunmere has "
            "its own abstraction licence. How much does it take, and is it covered by "
            "the emergency restrictions?"
        ),
    },
    # 31: Ngozi Adeyemi-Okafor, reply to 28
    {
        "commenter": 2,
        "parent": 28,
        "body": (
            "The city already knows household size through the housing benefit system, "
            "and other countries link the two. It's an administrative problem, not an "
            "impossible one."
        ),
    },
    # 32: Hanna Östlund, reply to 27
    {
        "commenter": 26,
        "parent": 27,
        "body": (
            "You're probably right, which is why the open data recommendation matters "
            "most to me. Reports can be shelved. A live, district-by-district leakage "
            "dashboard is much harder to ignore."
        ),
    },
    # 33: Oskar Vintila, reply to 31
    {
        "commenter": 5,
        "parent": 31,
        "body": (
            "That's a good answer, I hadn't thought about the benefit register. "
            "Privacy campaigners will object, and they'll have a point, but I would "
            "take that trade."
        ),
    },
    # 34: Aurélie Mansart, top-level
    {
        "commenter": 10,
        "parent": None,
        "body": (
            "The pull quote says it all. I would only add that our 'once-in-a-century' "
            "droughts now seem to turn up roughly every twelve years."
        ),
    },
    # 35: Zoë Ferreira, reply to 30
    {
        "commenter": 0,
        "parent": 30,
        "body": (
            "It's in the basin register: about 1.2 million cubic metres a year, so "
            "small next to farms or leakage. But you're right that the emergency plan "
            "doesn't touch it, which looks terrible."
        ),
    },
    # 36: Jonah Pelletier, top-level
    {
        "commenter": 11,
        "parent": None,
        "body": (
            "Everyone wants cheaper bills, everyone wants new pipes, and everyone "
            "wants the operator punished. Pick two. At least the article admits the "
            "tariff freezes were a political choice."
        ),
    },
    # 37: Callum Rafferty, reply to 32
    {
        "commenter": 33,
        "parent": 32,
        "body": (
            "Hanna, the regulator already publishes data that nobody reads. A "
            "dashboard is a nice screenshot for a press conference. Accountability is "
            "someone losing their job when the numbers are bad."
        ),
    },
    # 38: Gideon Falk, reply to 34
    {
        "commenter": 42,
        "parent": 34,
        "body": (
            "Three dry winters in a row are not evidence of a trend on their own. Look "
            "at the 1940s. I'm not denying climate change, just asking for some "
            "statistical care before we draw conclusions."
        ),
    },
    # 39: Clodagh Brennan, top-level
    {
        "commenter": 16,
        "parent": None,
        "body": (
            "Honest question: why can't the utility offer free leak checks on private "
            "service pipes? Our landlord refuses to fix the one under our yard, and it "
            "has been hissing since October."
        ),
    },
    # 40: Bogdan Iliescu, reply to 35
    {
        "commenter": 23,
        "parent": 35,
        "body": (
            "Small in percentage terms, sure. Now try explaining to someone queuing at "
            "a tanker outside their building that a bottling plant up the valley is "
            "still running at full capacity."
        ),
    },
    # 41: Aurélie Mansart, reply to 38
    {
        "commenter": 10,
        "parent": 38,
        "body": (
            "The met office series goes back to 1894 and the article says this is the "
            "driest stretch on record. That seems to be exactly the statistical care "
            "you are asking for."
        ),
    },
    # 42: Łukasz Wójcik, reply to 36
    {
        "commenter": 1,
        "parent": 36,
        "body": (
            "Or, radical idea, the operator pays for the pipes out of the dividends it "
            "took while the network crumbled. That's three out of three."
        ),
    },
    # 43: Mateus Carvalho-Reis, top-level
    {
        "commenter": 25,
        "parent": None,
        "body": (
            "The article should have named the mayors who froze the tariffs. Readers "
            "deserve to know who made these choices, not just 'successive "
            "administrations'."
        ),
    },
    # 44: Henrik Dalby, reply to 39
    {
        "commenter": 3,
        "parent": 39,
        "body": (
            "Some utilities do exactly that, and it pays for itself. In Castrel the "
            "boundary between public and private pipe is a legal mess, which is partly "
            "why nobody fixes either side."
        ),
    },
    # 45: Gideon Falk, reply to 41
    {
        "commenter": 42,
        "parent": 41,
        "body": (
            "A record is still one data point, Aurélie. But fine, I concede that the "
            "long decline in river flows at Lessa is much harder to argue with than "
            "the rainfall alone."
        ),
    },
    # 46: Ingrid Solvang, top-level
    {
        "commenter": 34,
        "parent": None,
        "body": (
            "Our water pressure dropped to almost nothing on Sunday night in Kessing, "
            "with no warning at all. Is this the 'reduced pressure at night' from the "
            "plan? Nobody told us anything."
        ),
    },
    # 47: Petra Hrubá, reply to 46
    {
        "commenter": 39,
        "parent": 46,
        "body": (
            "Same in Lower Varnet. The utility's website lists schedules, but only for "
            "districts that were in phase one. Apparently they update it weekly, so "
            "check again on Monday."
        ),
    },
    # 48: Jonah Pelletier, reply to 42
    {
        "commenter": 11,
        "parent": 42,
        "body": (
            "The dividends were legal and disclosed, and investors took the risk. "
            "Change the rules going forward if you like. Retroactive punishment just "
            "raises the price of every future contract the city signs."
        ),
    },
    # 49: Soledad Arriaga, top-level
    {
        "commenter": 30,
        "parent": None,
        "body": (
            "I design irrigation systems for a living. Drip saves water at field "
            "level, but the effect on the basin depends entirely on whether total use "
            "is capped. The article gets this exactly right, and it is rarely "
            "explained so clearly."
        ),
    },
]
