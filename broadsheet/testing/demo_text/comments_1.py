"""The discussion, comments 0–24 (in posting order)."""

from __future__ import annotations

COMMENTS_0_TO_24 = [
    # 0: Henrik Dalby, top-level
    {
        "commenter": 3,
        "parent": None,
        "body": (
            "I spent thirty-one years in municipal water engineering, and this is the "
            "most accurate description of the leakage problem I have read in a "
            "newspaper. That 0.4 per cent replacement rate should be on every front "
            "page in the country."
        ),
    },
    # 1: Zoë Ferreira, reply to 0
    {
        "commenter": 0,
        "parent": 0,
        "body": (
            "The regulator's own burst data backs Henrik up. Bursts per 100 km of main "
            "have roughly doubled in the eastern districts since 2012. I put the "
            "yearly numbers in a spreadsheet here: "
            "https://example.org/data/castrel-bursts-2012-2025.csv"
        ),
    },
    # 2: Łukasz Wójcik, top-level
    {
        "commenter": 1,
        "parent": None,
        "body": (
            "The lesson is obvious: you cannot hand a natural monopoly to a private "
            "consortium and expect it to act in the public interest. Castrel should "
            "end the concession and take its water back into public hands, as plenty "
            "of cities have done."
        ),
    },
    # 3: Jonah Pelletier, reply to 0
    {
        "commenter": 11,
        "parent": 0,
        "body": (
            "With respect, engineers always conclude that the fix is more money for "
            "engineers. Who decided fifty years was the lifespan? Plenty of old "
            "cast-iron mains are past a century and still working fine."
        ),
    },
    # 4: Mirela Dragomir, reply to 1
    {
        "commenter": 12,
        "parent": 1,
        "body": (
            "Thank you for doing this. Is there a breakdown by district? I live in "
            "Ostrel Heights and we have had three burst mains on our street in the "
            "last two years."
        ),
    },
    # 5: Tadeo Marquina, top-level
    {
        "commenter": 7,
        "parent": None,
        "body": (
            "As a grower on the lower plain, I appreciate that the article at least "
            "quotes a farmer. But the rebound-effect paragraph is unfair. We expanded "
            "because the banks and the ministry told us to modernise and grow, or sell "
            "up."
        ),
    },
    # 6: Greta Lindqvist, reply to 5
    {
        "commenter": 14,
        "parent": 5,
        "body": (
            "Nobody is blaming individual growers for responding to incentives. The "
            "point is that permits were never adjusted, so the basin as a whole ended "
            "up spreading the same water over more land. That's a policy failure, not "
            "a moral one."
        ),
    },
    # 7: Tadeo Marquina, reply to 6
    {
        "commenter": 7,
        "parent": 6,
        "body": (
            "Then say that clearly. Every time this comes up in the city press, the "
            "comments fill with people calling us water thieves. My family has held "
            "the same permit since 1994 and never taken a litre more."
        ),
    },
    # 8: Rasmus Hellqvist, top-level
    {
        "commenter": 9,
        "parent": None,
        "body": (
            "The uncomfortable truth the article circles around: pear orchards in a "
            "semi-arid basin, during a drying trend that has lasted decades, may "
            "simply not be viable any more. Somebody has to say it, however painful "
            "that is."
        ),
    },
    # 9: Greta Lindqvist, reply to 7
    {
        "commenter": 14,
        "parent": 7,
        "body": (
            "That's fair, and I'm sorry the debate gets so nasty. For what it's worth, "
            "I think cutting allocations without compensation would be outrageous. The "
            "growers kept to the rules they were given."
        ),
    },
    # 10: Tadeo Marquina, reply to 8
    {
        "commenter": 7,
        "parent": 8,
        "body": (
            "Easy to say from a city flat. Those orchards are thirty-year investments "
            "and the reason the Lessa villages still have schools. Tell me what "
            "replaces them before you tell me they don't belong."
        ),
    },
    # 11: Henrik Dalby, reply to 3
    {
        "commenter": 3,
        "parent": 3,
        "body": (
            "Cast iron from 1900 and cast iron from 1968 are not the same material, "
            "Jonah. The post-war pipes were thinner and laid fast and cheap, and "
            "asbestos-cement in acidic soil degrades faster still. Lifespan is "
            "measured, not decided."
        ),
    },
    # 12: Jonah Pelletier, reply to 2
    {
        "commenter": 11,
        "parent": 2,
        "body": (
            "And who pays the termination compensation? The article says the city "
            "handed over the network because it was drowning in debt. Public ownership "
            "is also what let the pipes age unattended before 2009."
        ),
    },
    # 13: Zoë Ferreira, reply to 4
    {
        "commenter": 0,
        "parent": 4,
        "body": (
            "Yes, there's a district column. Ostrel Heights is the third worst in the "
            "city per kilometre of main. Sorry, Mirela, that probably confirms what "
            "you already suspected."
        ),
    },
    # 14: Yusuf Demirel, top-level
    {
        "commenter": 15,
        "parent": None,
        "body": (
            "I live in Port Ambry. Nobody from the ministry has come to explain where "
            "the brine goes or what happens to the bay. We read about our own "
            "desalination plant in a press release, like everyone else."
        ),
    },
    # 15: Fenella Markham, reply to 14
    {
        "commenter": 22,
        "parent": 14,
        "body": (
            "Modern outfalls disperse brine quite effectively if they are designed "
            "properly. I sympathise on consultation, but a capital of 1.4 million "
            "people can't hold its water supply hostage to one bay."
        ),
    },
    # 16: Kwame Asante-Boateng, top-level
    {
        "commenter": 13,
        "parent": None,
        "body": (
            "Sixty boats fish out of Port Ambry. Sixty families who will be assured "
            "the brine is perfectly safe by people who will never eat anything caught "
            "in that bay. It is always the small places that pay."
        ),
    },
    # 17: Łukasz Wójcik, reply to 12
    {
        "commenter": 1,
        "parent": 12,
        "body": (
            "Before 2009 most of those pipes were under forty years old, Jonah. That "
            "is rather the point. And the contract expires in 2034, so nobody pays "
            "compensation if the city simply prepares now not to renew it."
        ),
    },
    # 18: Jonah Pelletier, reply to 11
    {
        "commenter": 11,
        "parent": 11,
        "body": (
            "Fair enough on the materials, I didn't know that. My point stands, "
            "though: nobody has shown me the 620 million would go to the worst "
            "sections rather than wherever is politically convenient."
        ),
    },
    # 19: Fenella Markham, top-level
    {
        "commenter": 22,
        "parent": None,
        "body": (
            "I think the article is too dismissive of desalination. Fixing leaks is "
            "good, but it doesn't create a single new drop. If the rain keeps failing, "
            "we need at least one source that is independent of the weather."
        ),
    },
    # 20: Yusuf Demirel, reply to 15
    {
        "commenter": 15,
        "parent": 15,
        "body": (
            "'If designed properly' is doing a lot of work in that sentence. The same "
            "ministry designed the Lessa bypass, which floods every spring. Forgive us "
            "for not trusting the drawings this time."
        ),
    },
    # 21: Ngozi Adeyemi-Okafor, top-level
    {
        "commenter": 2,
        "parent": None,
        "body": (
            "When tariffs go up, please remember that a family of five in a Varnet "
            "flat already spends a bigger share of its income on utilities than anyone "
            "in the Old Port. The social tariff paragraph is the most important one "
            "here."
        ),
    },
    # 22: Henrik Dalby, reply to 19
    {
        "commenter": 3,
        "parent": 19,
        "body": (
            "Leak repair creates water in every sense that matters to a customer. "
            "Forty-five million cubic metres recovered is forty-five million not drawn "
            "from Dunmere, and it starts arriving in year one, not year seven."
        ),
    },
    # 23: Dmitri Halvorsen, reply to 19
    {
        "commenter": 19,
        "parent": 19,
        "body": (
            "Desalination and leak reduction aren't either/or. The problem is that the "
            "plan funds one and ignores the other entirely. I'd build both, but start "
            "with the pipes because they pay back first."
        ),
    },
    # 24: Callum Rafferty, reply to 17
    {
        "commenter": 33,
        "parent": 17,
        "body": (
            "Eight years of an operator that knows it is leaving. What could possibly "
            "go wrong with investment during that period? You are both ignoring the "
            "transition, which is exactly where these things usually fall apart."
        ),
    },
]
