"""The reference article and the shorter ones around it."""

from __future__ import annotations

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
