"""Invented demo content for Broadsheet.

A fictional reader-funded outlet in the imaginary country of Lauremont: its
authors, sections, partner outlets, donation appeal, a long-form reference
article with a threaded reader discussion, and a handful of shorter articles.
Every name, place, organisation and quotation here is made up, and all links
point at the reserved example.org / example.com / example.net domains.

``COMMENTS`` is listed in posting order; ``commenter`` indexes ``COMMENTERS``
and ``parent`` is ``None`` or the index of an earlier entry in ``COMMENTS``.
"""

from __future__ import annotations

SITE_NAME = "The Meridian Review"
SITE_TAGLINE = "Independent analysis from Lauremont, funded by its readers."

AUTHORS = [
    {
        "name": "Ilona Varga-Mestre",
        "slug": "ilona-varga-mestre",
        "bio": (
            "Ilona Varga-Mestre is a climate and environment journalist and analyst "
            "based in Castrel."
        ),
        "website": "https://example.com/ilona-varga-mestre",
    },
    {
        "name": "Tomas Arbel",
        "slug": "tomas-arbel",
        "bio": (
            "Tomas Arbel is an economics journalist and analyst who covers public "
            "finance and utilities."
        ),
        "website": "",
    },
    {
        "name": "Priya Castellan",
        "slug": "priya-castellan",
        "bio": (
            "Priya Castellan is a political journalist and analyst covering parliament "
            "and the regions."
        ),
        "website": "https://example.org/priya-castellan",
    },
    {
        "name": "Marguerite Solen",
        "slug": "marguerite-solen",
        "bio": "Marguerite Solen is a housing and cities journalist and analyst.",
        "website": "",
    },
    {
        "name": "Anselm Kaur-Brandt",
        "slug": "anselm-kaur-brandt",
        "bio": (
            "Anselm Kaur-Brandt is a culture journalist and critic writing about "
            "cities, film and everyday life."
        ),
        "website": "https://example.net/anselm-kaur-brandt",
    },
    {
        "name": "Dario Feltrin-Oyelaran",
        "slug": "dario-feltrin-oyelaran",
        "bio": (
            "Dario Feltrin-Oyelaran is a data journalist and analyst specialising in "
            "public records."
        ),
        "website": "",
    },
]

SECTIONS = [
    {
        "name": "Politics",
        "slug": "politics",
        "description": (
            "Parliament, parties, the regions and the institutions that are meant to "
            "hold power to account."
        ),
    },
    {
        "name": "Economy",
        "slug": "economy",
        "description": (
            "Wages, housing, public finances and the question of who pays for what."
        ),
    },
    {
        "name": "Climate",
        "slug": "climate",
        "description": "Water, energy, drought and the politics of a warming country.",
    },
    {
        "name": "Culture",
        "slug": "culture",
        "description": "Cities, cinema, books and the everyday life of Lauremont.",
    },
]

PARTNER_OUTLETS = [
    {
        "name": "The Castrel Ledger",
        "site_url": "https://example.net/castrel-ledger",
    },
    {
        "name": "The Northbank Dispatch",
        "site_url": "https://example.net/northbank-dispatch",
    },
    {
        "name": "Vesna Valley Voice",
        "site_url": "https://example.net/vesna-valley-voice",
    },
]

APPEAL = {
    "title": "Support independent media",
    "text": (
        "The Meridian Review is free to read and paid for by its readers. If you value "
        "reporting like this, please consider a monthly donation to the Meridian Free "
        "Press Foundation, the non-profit that publishes us."
    ),
    "button_label": "Support independent media",
    "organisation": "Meridian Free Press Foundation",
    "donation_url": "https://example.org/donate",
}

REFERENCE_ARTICLE = {
    "headline": (
        "Castrel's reservoirs are running dry. The drought is only half the story"
    ),
    "standfirst": (
        "Three dry winters have exposed a water system built on leaking pipes, a "
        "contract that rewards selling water rather than saving it, and permits "
        "written for a river that no longer exists. Fixing it will cost money the "
        "government says it does not have."
    ),
    "slug": "castrel-reservoirs-drought-half-the-story",
    "kind": "analysis",
    "section_slug": "climate",
    "author_slugs": ["ilona-varga-mestre", "tomas-arbel"],
    "partner_name": "The Castrel Ledger",
    "original_url": (
        "https://example.net/castrel-ledger/2026/03/reservoirs-drought-half-the-story"
    ),
    "original_licence": "CC BY-NC-ND 4.0",
    "tags": ["Water", "Drought", "Public services"],
    "body": """On a grey Tuesday morning in late February, the water at Dunmere reservoir sat eleven metres below the concrete lip of its spillway. Along the eastern shore, where the valley floor is exposed for the first time in a generation, the old cobbled road to the drowned village of Selk has surfaced again, and at weekends families from Castrel drive up to walk along it, photographing the stumps of orchard trees and the foundations of a chapel abandoned when the dam was completed in 1971. Dunmere supplies roughly three fifths of the drinking water used by Castrel's 1.4 million residents. This week it stood at 23 per cent of capacity.

The government's explanation for how the capital arrived here is simple, and it is not wrong. Three consecutive winters have brought far less rain than the catchment needs. According to [the national meteorological office's rainfall series](https://example.org/met-office/rainfall/vesna-basin), precipitation over the upper Vesna basin has been about 40 per cent below the long-term average since the autumn of 2023, the driest such stretch since records began in 1894. Renata Kovel, the minister for environment and water resources, has called it "a once-in-a-century event", and in a narrow sense she is right.

But a drought is a trigger, not a cause. The reason Castrel is now weeks away from rotating supply cuts across whole districts has far more to do with decisions taken in offices than with weather over the mountains. A distribution network that loses more than a third of its treated water before it reaches a tap. A concession contract that rewards its operator for selling water rather than saving it. Irrigation permits written for a river that no longer exists in the form they assume. And a political class that, for fifteen years, found it easier to freeze bills than to fix pipes.

Over the past three months we read the 2009 concession agreement and its four amendments, a decade of filings to the national water regulator and the basin authority's register of abstraction permits. We spoke to engineers who have worked inside the utility, to growers along the lower Vesna, to officials in two ministries and to the company that runs Castrel's water. What emerges is not a story about villains. It is a story about a system in which every actor behaved rationally, and the result was a slow failure that the rain simply stopped hiding.

## The water that never arrives

Start with the pipes. In its most recent [annual performance report](https://example.org/nwr/reports/performance-2025), the National Water Regulator estimated that 38 per cent of the water treated at Castrel's two purification plants was lost before it could be billed. Some of that is meter error and illegal connections, but the regulator's engineers attribute most of it to physical leakage: cracked mains, failed joints and service pipes corroding quietly beneath the pavements. Well-run utilities in cities of comparable size and age typically lose between 10 and 20 per cent. Put another way, the water Castrel lost through its network last year was more than Dunmere currently holds.

The reasons are not mysterious. Much of the network was laid during the rapid expansion of the city's eastern districts in the 1960s and 1970s, using asbestos-cement and thin-walled cast-iron pipes that were expected to last about fifty years. They have now lasted about fifty years. Yet since 2010 the utility has replaced, on average, around 0.4 per cent of its mains each year, a pace that implies a full renewal cycle of roughly 250 years. "You don't see a leak until it comes up through the road," said one engineer who spent two decades in the network division. "By then it has been running for months. We just never had the budget to dig."

Fixing this is neither cheap nor quick, but it is not exotic either. A [2021 study commissioned by the city council](https://example.org/castrel-council/network-study-2021), which was received, debated and then shelved, estimated that a ten-year programme of pressure management, active leak detection and targeted mains replacement could cut losses to about 20 per cent, freeing up roughly 45 million cubic metres a year. Its price tag was put at 620 million lauros. It is also considerably less than the government now proposes to spend on a single new source of supply, as we will see below.

## A contract that pays for volume

Why did the money never arrive? Part of the answer lies in the concession agreement signed in 2009, when the city, under pressure to cut its debt, handed the operation of its water and sewerage services to Aquilon Water, a consortium led by a domestic construction group and an overseas infrastructure fund, for twenty-five years. The city kept ownership of the assets; Aquilon took over running them, billing customers and making the investments specified in the contract. The operator's income depends overwhelmingly on the volume of water it bills. Its obligations on leakage are set out in a single clause.

> "The Operator shall use reasonable endeavours to reduce non-revenue water in line with the indicative trajectory set out in Schedule 7, provided that no failure to achieve the said trajectory shall of itself constitute a material breach of this Agreement." (Castrel Water Services Concession Agreement, 2009, clause 14.3)

Lawyers who read the clause for us were unanimous about what it means. "Reasonable endeavours" is among the weakest obligations in contract law; "indicative" signals that the trajectory is an aspiration; and the final proviso ensures that missing it can never be grounds for termination. In practice, the targets in Schedule 7 were missed in eleven of the past fourteen years. The regulator has fined Aquilon three times for poor network performance, for a combined total of 4.2 million lauros, which is less than the company [paid out in dividends](https://example.com/aquilon-water/annual-report-2024) in a typical quarter before the drought began.

Aquilon disputes the idea that it has profited from neglect. In a written response to our questions, the company pointed out that successive city administrations froze water tariffs in 2016, 2018 and 2022, each time shortly before a municipal election, and that the contract's investment obligations were renegotiated downwards as a result. "We cannot be asked to finance a twenty-first-century network on a tariff set in 2015," the company said. The argument has force. Adjusted for inflation, Castrel households now pay about a quarter less for their water than they did a decade ago.

Both stories are true, and together they describe a trap. Mayors discovered that freezing bills was popular and that leaking pipes were invisible. The operator discovered that it could meet its financial targets by deferring capital spending, and that the penalties for doing so were trivial. The regulator, whose board is appointed by the ministry and whose budget has been cut twice since 2019, lacked both the powers and the appetite to break the pattern. Nobody lied, exactly. Everyone simply acted on the incentives in front of them, and those incentives all pointed towards doing nothing underground.

## The farms downstream

The city is not the only claimant on the Vesna. According to [the basin authority's register of abstraction permits](https://example.org/vesna-basin/permits-register), agriculture accounts for roughly 70 per cent of licensed withdrawals from the river and its aquifers, most of it for orchards, vineyards and vegetables on the lower plain around Lessa. The great majority of those permits were issued in the 1990s on the basis of average flows calculated from records gathered between 1950 and 1990. Average flows at the Lessa gauging station over the past decade have been about a fifth lower. On paper, the basin has promised more water than it now has.

Growers on the plain are tired of being cast as the villains. "They lose a third of their water under the streets of Castrel and then they come to us and talk about efficiency," said Bertil Sauvan, a third-generation pear grower whose family has irrigated the same ninety hectares since the 1950s. He has a point. Many growers on the lower Vesna have invested heavily in drip irrigation over the past fifteen years and per hectare they use considerably less water than their parents did.

The trouble is what happened to the water they saved. Because permits were never revised as farms modernised, much of the saving was used to irrigate land that had previously been dry, or to switch to thirstier and more profitable crops. A [study by agronomists at the University of Castrel](https://example.org/uni-castrel/agronomy/drip-irrigation-paradox) found that the irrigated area on the lower plain grew by 18 per cent between 2008 and 2022, while total agricultural withdrawals stayed almost flat. Economists call this the rebound effect, and it is one of the most reliable findings in water policy: efficiency without a cap on total use tends to spread water further rather than leave it in the river.

## What the ministry says, and what it leaves out

Against this background, the government's [emergency drought plan](https://example.org/ministry-environment/drought-plan-2026), published in January, is striking mainly for what it omits. Its short-term measures are sensible enough: a ban on filling private pools and watering gardens, tanker deliveries to the highest districts, reduced pressure at night and a public campaign under the slogan "Every Drop Counts". Its centrepiece, however, is a long-term project: a seawater desalination plant at Port Ambry, 140 kilometres away on the coast, with a pipeline to Castrel and an estimated cost of 1.1 billion lauros.

Desalination has its place, and coastal cities in several dry countries depend on it. But the Port Ambry plant would not deliver a single litre before 2032 at the earliest, and would do nothing for this summer or the five that follow. Its running costs, according to an [independent analysis by the Institute for Public Infrastructure](https://example.net/ipi/briefs/desalination-costs), would be three to four times the cost per cubic metre of water recovered through leak reduction. Its brine would be discharged into a bay that supports a small but valued fishing fleet. None of these objections is necessarily fatal. What is striking is that the plan does not weigh them against the alternatives at all.

> [!pullquote]
> A problem that belongs to everyone has, for fifteen years, belonged to no one.

There are obvious political reasons for this. A desalination plant is a single, visible project with a ribbon to cut and a contract to award; replacing pipes means a decade of roadworks that nobody thanks you for. When we asked the ministry why its plan contained no target for leakage reduction, a spokesperson said that network management was "a matter for the municipality and its operator under the terms of the concession". That answer is technically correct. It is also a neat summary of how a problem that belongs to everyone has, for fifteen years, belonged to no one.

## What fixing it would take

None of the necessary steps is secret, and most have been recommended before. The first is to change what the operator is paid for. The concession runs until 2034, and the city can either renegotiate it now, with binding leakage targets and penalties large enough to matter, or begin preparing to bring operations back in-house when it expires. Either way, the operator's return should depend on water saved as well as water sold, and network data, including district-level leakage and pressure readings, should be published openly so that residents and journalists can see whether promises are being kept.

The second step is harder, because it involves money and fairness. Tariffs will have to rise to pay for a serious renewal programme, and they should rise in a way that protects poorer households: a free or very cheap basic allowance per person, with steeply higher prices for heavy use. Farm permits will have to be revised to reflect the flows the river actually carries, with compensation and transition support for growers who lose allocations. [Several basins in comparable climates](https://example.org/water-governance/case-studies) have done exactly this, and their experience suggests it works only when farmers help to design the new rules.

Back at Dunmere, the road to Selk will disappear again when the rains return, as eventually they will. That is the real danger. Every previous dry spell in Castrel has produced a round of emergency measures, a commission and a report, and every wet year that followed has allowed the report to be shelved. If this crisis ends the same way, the city will be back on the shore within a decade, looking at the same chapel foundations and hearing the same explanations about once-in-a-century weather. The drought did not create Castrel's water crisis. It simply drained away the water that had been covering it.""",  # noqa: E501
}

OTHER_ARTICLES = [
    {
        "headline": "The 'foreign influence' bill is aimed at outlets like this one",
        "standfirst": (
            "A draft law presented as a defence of sovereignty would force small, "
            "reader-funded newsrooms to wear a foreign-agent label over a few hundred "
            "donations from abroad."
        ),
        "slug": "foreign-influence-bill-small-outlets",
        "kind": "opinion",
        "section_slug": "politics",
        "author_slugs": ["priya-castellan"],
        "partner_name": None,
        "original_url": None,
        "original_licence": None,
        "tags": ["Press freedom", "Parliament", "Civil society"],
        "body": """Last week the governing coalition tabled a bill it calls the Transparency of Foreign Influence Act. Its supporters describe it as a modest measure that will let citizens know who is paying for the information they consume. Read the text, though, and a different picture emerges. Any organisation that publishes material on public affairs and receives more than 10 per cent of its income from abroad would have to register as an "agent of foreign interest", print that label on everything it publishes and submit quarterly accounts to a new office inside the Ministry of Justice.

Ten per cent is a very low threshold. Like many independent outlets in Lauremont, this publication is funded mostly by small monthly donations from readers. Some of those readers live abroad: students at foreign universities, workers who emigrated after the 2012 crisis, grandchildren of people who left decades ago. Under the bill as drafted, a few hundred of them giving the price of a coffee each month could be enough to put the label on our front page.

## Who the bill actually catches

Supporters point to [similar rules in other countries](https://example.org/legal-observatory/foreign-agent-laws) as proof that the idea is mainstream. But most of those laws apply to people lobbying on behalf of foreign governments, not to anyone who receives a donation from a citizen living abroad. The draft makes no such distinction. Nor does it define "public affairs", leaving the new office free to decide that a review of a theatre production or a report on water tariffs qualifies.

The largest media groups in the country will barely notice the law. Their income comes from advertising and from owners whose business interests are overwhelmingly domestic. It is small outlets, local newspapers and investigative projects funded by readers and foundations that would carry the cost of compliance, and the stigma of the label.

## What transparency would really look like

None of this means that transparency about media funding is a bad idea. We publish the name of every organisation that gives us more than 5,000 lauros a year, along with an [annual breakdown of our income](https://example.com/meridian-review/transparency) by source. We would welcome a law requiring every outlet to do the same, including the broadcasters whose ownership is hidden behind holding companies in three jurisdictions.

That is the test for the bill's sponsors. If their concern is transparency, they should apply it to everyone equally. If it is only small, reader-funded outlets that end up wearing the label, readers will draw their own conclusions about what the law was really for.""",  # noqa: E501
    },
    {
        "headline": "Why Castrel's rents have outpaced wages for nine years running",
        "standfirst": (
            "Holiday lets get most of the blame, but the numbers point to a slower and "
            "less photogenic culprit: a decade in which the city almost stopped "
            "building."
        ),
        "slug": "castrel-rents-outpaced-wages-nine-years",
        "kind": "analysis",
        "section_slug": "economy",
        "author_slugs": ["marguerite-solen", "tomas-arbel"],
        "partner_name": "The Northbank Dispatch",
        "original_url": (
            "https://example.net/northbank-dispatch/2026/02/castrel-rents-wages"
        ),
        "original_licence": "CC BY 4.0",
        "tags": ["Housing", "Wages", "Castrel"],
        "body": """Rents in Castrel rose by 7.8 per cent last year, according to the [national statistics office's housing survey](https://example.org/statistics/housing-survey-2025), while average wages in the city grew by 4.1 per cent. It was the ninth consecutive year in which rents outpaced pay. A typical two-bedroom flat in the inner districts now costs about 46 per cent of the median full-time salary, up from 31 per cent in 2016.

Ask people in Castrel why, and most will point to short-term holiday lets. The visible evidence is everywhere: key boxes on doorways in the Old Port, suitcases rattling over the cobbles at dawn. Yet the city's own register suggests holiday lets account for around 6,000 homes, roughly 1.5 per cent of the housing stock. They matter a great deal in a handful of central streets. They cannot explain a citywide trend.

## A decade without cranes

The bigger story is supply. Between 2000 and 2010, Castrel completed an average of about 5,200 new homes a year. Between 2012 and 2022 that figure fell to roughly 1,900, even as the city's population grew by around 110,000. Developers blame the permitting process, which takes a median of 31 months for a mid-sized block. Planners cite a shortage of serviced land and, more recently, the water utility's reluctance to approve new connections in districts where the network is already strained.

Social housing, which once made up nearly a fifth of new construction, has almost disappeared. The municipal housing company completed 214 flats in the past five years combined. Its waiting list has passed 23,000 households.

## What might change the curve

The government's answer so far has been a cap on rent increases for existing tenancies, introduced in 2024. The [early evidence](https://example.org/uni-castrel/economics/rent-cap-brief) suggests it has protected sitting tenants but pushed up rents on new contracts, as landlords price the cap in from the start. Few economists think a cap alone can close a gap created by a decade of under-building.

Faster permits, public investment in serviced land and a revived municipal builder would all help, but none of them would show up in rents for several years. In the meantime, the gap between what Castrel pays and what it costs to live there will keep widening, and so will the number of young people who decide to leave.""",  # noqa: E501
    },
    {
        "headline": (
            "Castrel council votes to publish district leakage figures every month"
        ),
        "standfirst": (
            "The motion, passed after a four-hour session, requires the city's water "
            "operator to release network data it has so far shared only with the "
            "regulator."
        ),
        "slug": "castrel-council-votes-publish-leakage-figures",
        "kind": "news",
        "section_slug": "climate",
        "author_slugs": ["ilona-varga-mestre", "dario-feltrin-oyelaran"],
        "partner_name": None,
        "original_url": None,
        "original_licence": None,
        "tags": ["Water", "Castrel", "Open data"],
        "body": """Castrel city council voted on Thursday evening to require the city's water operator to publish monthly figures on leakage, pressure and burst mains for each of the city's fourteen districts. The motion passed by 38 votes to 21, with four abstentions, after a session that ran past midnight and was twice interrupted by protesters in the public gallery.

The vote follows weeks of pressure over the handling of the drought, which has left Dunmere reservoir at less than a quarter of its capacity and forced tanker deliveries to several hillside districts. Under the motion, Aquilon Water, which operates the network under a concession that runs until 2034, will have ninety days to begin publishing the data in an open, machine-readable format.

## Operator says it will comply

In a statement issued shortly after the vote, Aquilon said it "welcomes greater transparency" and would work with the council on the format of the data. The company noted that it already provides quarterly figures to the National Water Regulator, and warned that district-level numbers "can fluctuate significantly for technical reasons and should be interpreted with care".

Opposition councillors said the motion did not go far enough. Councillor Marta Ilse, who sits on the infrastructure committee, said the council should also publish the full text of the concession's four amendments, which remain confidential. "Residents have a right to know what was signed in their name," she told the chamber.

Deputy Mayor Aurel Pankov, who is responsible for utilities, told reporters that publishing the amendments would require the operator's consent under the contract's confidentiality clause, and that the city had written to Aquilon to request it. He said he expected an answer "within weeks".

The regulator did not respond to a request for comment. The first monthly figures are expected in early summer, when demand for water usually peaks. A [copy of the motion](https://example.org/castrel-council/motions/2026-04-leakage-data) has been published on the council's website.""",  # noqa: E501
    },
    {
        "headline": "The night bus is the last public square Castrel has left",
        "standfirst": (
            "Cafés have priced people out and the parks close at dusk. After midnight, "
            "the N7 from the Old Port to Varnet is where the city still meets itself."
        ),
        "slug": "night-bus-last-public-square",
        "kind": "opinion",
        "section_slug": "culture",
        "author_slugs": ["anselm-kaur-brandt"],
        "partner_name": None,
        "original_url": None,
        "original_licence": None,
        "tags": ["Cities", "Public transport", "Everyday life"],
        "body": """The N7 leaves the Old Port at 12.40, and by the time it reaches the ring road it is carrying most of Castrel's night shift. Cleaners heading home from office towers. Kitchen porters still smelling of the fryer. Two nurses comparing rotas. A student asleep against the window with a textbook open on her knees. A man in a good suit who has clearly missed the last train and is pretending that he has not.

I have ridden the N7 twice a week for six years, first for work and later, I admit, out of something closer to affection. It is one of the few places left in the city where people of very different means sit within a metre of each other and nobody is trying to sell them anything.

## The squares that stopped being public

Castrel likes to describe itself as a city of squares, and the tourist maps are full of them. But walk through the Piazza Vell on a weekday evening and you will find that almost every seat belongs to a café terrace, and every terrace has a minimum spend. The municipal benches were removed during the 2019 renovation, officially to discourage "antisocial behaviour". The parks along the river lock their gates at dusk.

None of this happened by decree. It happened one licence, one renovation and one complaint at a time, until the places where strangers used to linger became places you pass through or pay for. Urbanists call this the [privatisation of public space](https://example.org/urban-review/privatised-squares), which makes it sound grander and more deliberate than it is.

## What a bus can teach a planner

The night bus survives partly because nobody thought to redesign it. It is slow, sometimes rowdy and occasionally unpleasant. It is also warm, lit, cheap and open to anyone with a ticket. On winter nights the drivers will wait an extra thirty seconds for someone running from a late shift. Regulars nod to each other. Now and then, conversations happen.

The transport authority is consulting this spring on cuts to the night network, citing low ridership per kilometre. Before it decides, I would invite its board to ride the N7 from end to end on a Thursday night. They might conclude, as I have, that some public services should be judged not only by how many people they carry, but by who they carry, and by what would be lost if they stopped.""",  # noqa: E501
    },
    {
        "headline": (
            "What the coalition's collapse in Lessa tells us about next year's election"
        ),
        "standfirst": (
            "A regional government brought down over irrigation permits is a warning "
            "to every national party that has treated water as a technical issue "
            "rather than a political one."
        ),
        "slug": "lessa-coalition-collapse-election",
        "kind": "analysis",
        "section_slug": "politics",
        "author_slugs": ["priya-castellan", "dario-feltrin-oyelaran"],
        "partner_name": "Vesna Valley Voice",
        "original_url": (
            "https://example.net/vesna-valley-voice/2026/03/lessa-coalition-collapse"
        ),
        "original_licence": "CC BY-NC-ND 4.0",
        "tags": ["Elections", "Regions", "Water"],
        "body": """The regional coalition in Lessa lasted two years, seven months and eleven days. It fell on Monday, when the Rural Alliance, the smallest of its three parties, walked out over the regional executive's decision to support a temporary cut in irrigation allocations along the lower Vesna. A snap regional election is now expected in June.

On its own, the collapse of a coalition in a province of 600,000 people would not normally attract national attention. But Lessa has a habit of reaching political conflicts before the rest of the country does, and this one is likely to follow the national parties into next year's general election.

## A new fault line

For most of the past two decades, national politics in Lauremont has been organised around a familiar divide between parties of tax and spending and parties of markets and restraint. Water barely registered. [Polling published by the Civic Pulse Institute](https://example.org/civic-pulse/water-poll-2026) suggests that is changing fast. Asked to name the most important issue facing the country, 19 per cent of respondents now mention drought or water supply, up from 3 per cent two years ago. In the Vesna basin, the figure is 41 per cent.

More revealing is how the issue cuts. Urban voters overwhelmingly favour reducing farm allocations to protect city supplies; rural voters overwhelmingly oppose it. That division runs straight through both major national parties, each of which depends on a coalition of city and countryside to win a majority.

The Rural Alliance understood this before anyone else. By walking out now, it has positioned itself as the only party willing to defend irrigators without conditions, a message that polls well in precisely the districts where the governing party won narrowly last time.

## What to watch

The June election in Lessa will be the first real test of whether water can move votes at scale. If the Rural Alliance gains significantly, expect national parties to rush towards promises of new supply, such as desalination and transfers between basins, that postpone hard choices about allocation. If it does not, the space for a more honest conversation about how much water the country actually has may open a little wider.""",  # noqa: E501
    },
    {
        "headline": "Castrel's last independent cinema saved by a members' cooperative",
        "standfirst": (
            "More than 2,300 residents have bought shares in the Lumen, the 1930s "
            "picture house in Kessing that was due to close at the end of the month."
        ),
        "slug": "lumen-cinema-saved-cooperative",
        "kind": "news",
        "section_slug": "culture",
        "author_slugs": ["marguerite-solen"],
        "partner_name": None,
        "original_url": None,
        "original_licence": None,
        "tags": ["Cinema", "Cooperatives", "Kessing"],
        "body": """The Lumen, the last independent cinema in Castrel, will stay open after more than 2,300 residents bought shares in a cooperative formed to take over the building and its lease. The cooperative announced on Saturday that it had raised 1.9 million lauros, just above the sum needed to buy the business from its retiring owners and carry out urgent repairs to the roof.

The 1930s picture house in Kessing had been due to close at the end of the month. Its owners, the Vasko family, who have run it since 1978, said in January that they could no longer afford rising energy and maintenance costs, and that they had received an offer from a developer who planned to convert the site into flats.

## How the money was raised

Shares were priced at 250 lauros, with a limit of twenty per member so that no single investor could dominate. The campaign was organised by a group of regulars who met, appropriately, in the cinema's café. Organisers said about a third of members bought only a single share, and that several hundred had never previously set foot in the Lumen.

"People kept telling us it was nostalgia," said Ilse Marnier, one of the founding board members. "But the queue for the Tuesday matinee is pensioners, parents with babies and teenagers on cheap tickets. That's not nostalgia. That's a neighbourhood."

The cooperative plans to keep the existing programme of independent first-run films and restored classics, and to add community screenings and a [film club for schools](https://example.org/lumen-coop/schools). Members will elect the board each year and receive two free tickets annually, but no financial return.

The developer that had offered to buy the site said it respected the outcome and would look for other opportunities in the district. Work on the roof is expected to begin in the summer, with the cinema closing for three weeks in August.""",  # noqa: E501
    },
]

COMMENTERS = [
    {
        "name": "Zoë Ferreira",
        "email": "zoe.ferreira@example.com",
        "website": "https://example.net/zoe-ferreira",
    },
    {
        "name": "Łukasz Wójcik",
        "email": "lukasz.wojcik@example.net",
        "website": "",
    },
    {
        "name": "Ngozi Adeyemi-Okafor",
        "email": "ngozi.adeyemi.okafor@example.org",
        "website": "",
    },
    {
        "name": "Henrik Dalby",
        "email": "henrik.dalby@example.com",
        "website": "https://example.net/henrik-dalby",
    },
    {
        "name": "Maren Castell",
        "email": "maren.castell@example.net",
        "website": "",
    },
    {
        "name": "Oskar Vintila",
        "email": "oskar.vintila@example.org",
        "website": "",
    },
    {
        "name": "Sabine Roux-Adler",
        "email": "sabine.roux.adler@example.com",
        "website": "https://example.net/sabine-roux-adler",
    },
    {
        "name": "Tadeo Marquina",
        "email": "tadeo.marquina@example.net",
        "website": "",
    },
    {
        "name": "Ifeoma Chukwu",
        "email": "ifeoma.chukwu@example.org",
        "website": "",
    },
    {
        "name": "Rasmus Hellqvist",
        "email": "rasmus.hellqvist@example.com",
        "website": "https://example.net/rasmus-hellqvist",
    },
    {
        "name": "Aurélie Mansart",
        "email": "aurelie.mansart@example.net",
        "website": "",
    },
    {
        "name": "Jonah Pelletier",
        "email": "jonah.pelletier@example.org",
        "website": "",
    },
    {
        "name": "Mirela Dragomir",
        "email": "mirela.dragomir@example.com",
        "website": "https://example.net/mirela-dragomir",
    },
    {
        "name": "Kwame Asante-Boateng",
        "email": "kwame.asante.boateng@example.net",
        "website": "",
    },
    {
        "name": "Greta Lindqvist",
        "email": "greta.lindqvist@example.org",
        "website": "",
    },
    {
        "name": "Yusuf Demirel",
        "email": "yusuf.demirel@example.com",
        "website": "https://example.net/yusuf-demirel",
    },
    {
        "name": "Clodagh Brennan",
        "email": "clodagh.brennan@example.net",
        "website": "",
    },
    {
        "name": "Piotr Sobierajski",
        "email": "piotr.sobierajski@example.org",
        "website": "",
    },
    {
        "name": "Leontine Vasseur",
        "email": "leontine.vasseur@example.com",
        "website": "",
    },
    {
        "name": "Dmitri Halvorsen",
        "email": "dmitri.halvorsen@example.net",
        "website": "https://example.org/blog/dmitri-halvorsen",
    },
    {
        "name": "Anaïs Berthelot",
        "email": "anais.berthelot@example.org",
        "website": "",
    },
    {
        "name": "Samir Haddad-Lunde",
        "email": "samir.haddad.lunde@example.com",
        "website": "",
    },
    {
        "name": "Fenella Markham",
        "email": "fenella.markham@example.net",
        "website": "https://example.org/blog/fenella-markham",
    },
    {
        "name": "Bogdan Iliescu",
        "email": "bogdan.iliescu@example.org",
        "website": "",
    },
    {
        "name": "Chiara Benvenuti",
        "email": "chiara.benvenuti@example.com",
        "website": "",
    },
    {
        "name": "Mateus Carvalho-Reis",
        "email": "mateus.carvalho.reis@example.net",
        "website": "",
    },
    {
        "name": "Hanna Östlund",
        "email": "hanna.ostlund@example.org",
        "website": "https://example.com/~hanna-ostlund",
    },
    {
        "name": "Emeka Obiora",
        "email": "emeka.obiora@example.com",
        "website": "",
    },
    {
        "name": "Rosalind Thwaite",
        "email": "rosalind.thwaite@example.net",
        "website": "",
    },
    {
        "name": "Jiří Pavelka",
        "email": "jiri.pavelka@example.org",
        "website": "",
    },
    {
        "name": "Soledad Arriaga",
        "email": "soledad.arriaga@example.com",
        "website": "",
    },
    {
        "name": "Wim de Groot-Verhoef",
        "email": "wim.de.groot.verhoef@example.net",
        "website": "https://example.org/blog/wim-de-groot-verhoef",
    },
    {
        "name": "Nadia Benhamou",
        "email": "nadia.benhamou@example.org",
        "website": "",
    },
    {
        "name": "Callum Rafferty",
        "email": "callum.rafferty@example.com",
        "website": "",
    },
    {
        "name": "Ingrid Solvang",
        "email": "ingrid.solvang@example.net",
        "website": "",
    },
    {
        "name": "Tobias Wrenfield",
        "email": "tobias.wrenfield@example.org",
        "website": "",
    },
    {
        "name": "Amara Diallo-Sesay",
        "email": "amara.diallo.sesay@example.com",
        "website": "https://example.net/amara-diallo-sesay",
    },
    {
        "name": "Kasimir Obst",
        "email": "kasimir.obst@example.net",
        "website": "",
    },
    {
        "name": "Lucía Ventura",
        "email": "lucia.ventura@example.org",
        "website": "",
    },
    {
        "name": "Petra Hrubá",
        "email": "petra.hruba@example.com",
        "website": "",
    },
    {
        "name": "Felix Ambrose",
        "email": "felix.ambrose@example.net",
        "website": "",
    },
    {
        "name": "Yara Nasser",
        "email": "yara.nasser@example.org",
        "website": "https://example.com/~yara-nasser",
    },
    {
        "name": "Gideon Falk",
        "email": "gideon.falk@example.com",
        "website": "",
    },
    {
        "name": "Sunniva Rønning",
        "email": "sunniva.ronning@example.net",
        "website": "",
    },
    {
        "name": "Marek Dvořák",
        "email": "marek.dvorak@example.org",
        "website": "",
    },
    {
        "name": "Eleni Papadaki",
        "email": "eleni.papadaki@example.com",
        "website": "",
    },
    {
        "name": "Oisín Gallagher",
        "email": "oisin.gallagher@example.net",
        "website": "",
    },
    {
        "name": "Beatriz Lhomme",
        "email": "beatriz.lhomme@example.org",
        "website": "https://example.com/~beatriz-lhomme",
    },
    {
        "name": "Hamza Qureshi",
        "email": "hamza.qureshi@example.com",
        "website": "",
    },
    {
        "name": "Tove Bergstrand",
        "email": "tove.bergstrand@example.net",
        "website": "",
    },
    {
        "name": "Ruairí Nolan",
        "email": "ruairi.nolan@example.org",
        "website": "",
    },
    {
        "name": "Agnieszka Kowal",
        "email": "agnieszka.kowal@example.com",
        "website": "https://example.net/agnieszka-kowal",
    },
    {
        "name": "Desmond Achterberg",
        "email": "desmond.achterberg@example.net",
        "website": "",
    },
    {
        "name": "Mireille Fontaine-Ndiaye",
        "email": "mireille.fontaine.ndiaye@example.org",
        "website": "",
    },
    {
        "name": "Stellan Vik",
        "email": "stellan.vik@example.com",
        "website": "",
    },
    {
        "name": "Paloma Iturbe",
        "email": "paloma.iturbe@example.net",
        "website": "https://example.org/blog/paloma-iturbe",
    },
    {
        "name": "Viktor Sandgren",
        "email": "viktor.sandgren@example.org",
        "website": "",
    },
    {
        "name": "Ines Albuquerque",
        "email": "ines.albuquerque@example.com",
        "website": "",
    },
    {
        "name": "Bruno Tessaro",
        "email": "bruno.tessaro@example.net",
        "website": "",
    },
    {
        "name": "Halima Yusuf-Garba",
        "email": "halima.yusuf.garba@example.org",
        "website": "",
    },
]

COMMENTS = [
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
