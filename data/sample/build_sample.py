"""Build the bundled sample corpus of `framing`: ``data/sample/articles.jsonl``.

The corpus is FICTIONAL and ILLUSTRATIVE. Every outlet, article, spokesperson and quotation
in it was invented for this project; nothing is real reporting, and no real, named person is
quoted. The point of the corpus is to give the figures and notebooks of `framing` something
with clear, known contrasts to show: five invented outlets, each with a framing habit.

Layout of this file:

1. spelling tables (Kiev/Kyiv, Kharkov/Kharkiv, ...) and small slot values;
2. ``SHARED``: neutral background prose in English and German, free of every frame term of
   the shipped lexicon (any outlet may use it; articles built only from it are "clean");
3. one bank per outlet: (title, lead paragraph) pairs per topic, and framing paragraphs
   written in that outlet's voice;
4. ``OUTLETS`` and the publishing schedule (topics per month);
5. a small composer and ``main()``.

Run ``python data/sample/build_sample.py`` from the repository root (or from anywhere). The
script uses only the standard library and seeded random generators, so two runs write
byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

OUT_PATH = Path(__file__).resolve().parent / "articles.jsonl"
SEED = "framing-sample-v1"

# ---------------------------------------------------------------------------------------------
# 1. Spellings and slot values
# ---------------------------------------------------------------------------------------------

# Place names as each outlet spells them. ``capg`` is the possessive (en) or genitive (de).
SPELLINGS = {
    "en_ru": {"cap": "Kiev", "capg": "Kiev's", "kh": "Kharkov", "db": "Donbass",
              "lu": "Lugansk", "od": "Odessa", "zp": "Zaporozhye"},
    "en_ua": {"cap": "Kyiv", "capg": "Kyiv's", "kh": "Kharkiv", "db": "Donbas",
              "lu": "Luhansk", "od": "Odesa", "zp": "Zaporizhzhia"},
    "de_ru": {"cap": "Kiew", "capg": "Kiews", "kh": "Charkow", "db": "Donbass",
              "lu": "Lugansk", "od": "Odessa", "zp": "Saporoschje"},
    # Lindenblatt: "Kiew" at first, "Kyjiw" in most articles from June 2024 on.
    "de_lb_early": {"cap": "Kiew", "capg": "Kiews", "kh": "Charkiw", "db": "Donbass",
                    "lu": "Luhansk", "od": "Odessa", "zp": "Saporischschja"},
    "de_lb_late": {"cap": "Kyjiw", "capg": "Kyjiws", "kh": "Charkiw", "db": "Donbas",
                   "lu": "Luhansk", "od": "Odessa", "zp": "Saporischschja"},
}

# Frontline towns: (English from Russian, English from Ukrainian, German from Russian,
# German from Ukrainian).
TOWNS = [
    ("Avdeyevka", "Avdiivka", "Awdejewka", "Awdijiwka"),
    ("Chasov Yar", "Chasiv Yar", "Tschassow Jar", "Tschassiw Jar"),
    ("Krasnogorovka", "Krasnohorivka", "Krasnogorowka", "Krasnohoriwka"),
    ("Kupyansk", "Kupiansk", "Kupjansk", "Kupjansk"),
    ("Volchansk", "Vovchansk", "Woltschansk", "Wowtschansk"),
    ("Pokrovsk", "Pokrovsk", "Pokrowsk", "Pokrowsk"),
    ("Toretsk", "Toretsk", "Torezk", "Torezk"),
    ("Ugledar", "Vuhledar", "Ugledar", "Wuhledar"),
    ("Seversk", "Siversk", "Sewersk", "Siwersk"),
]
TOWN_COLUMN = {"en_ru": 0, "en_ua": 1, "de_ru": 2, "de_lb_early": 3, "de_lb_late": 3}

COUNTRIES = ["Denmark", "Sweden", "Norway", "Finland", "Canada", "Poland", "Italy", "Belgium"]

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]

# ---------------------------------------------------------------------------------------------
# 2. Shared neutral prose (no frame terms of the shipped lexicon)
# ---------------------------------------------------------------------------------------------
# Slots: {cap} {capg} {kh} {db} {lu} {od} {zp} (place names in the outlet's spelling),
# {town} (a frontline town), {day} (weekday before the article's date), and numbers
# {n_km} {n_small} {n_drones} {n_missiles} {n_dead} {n_hurt} {n_losses} {n_hundreds}
# {n_bn} {n_listings} {n_pows}; Meridian Wire also uses {mdate} and {country}.

SHARED = {
    "en": {
        "battlefield": {
            "pairs": [
                ("Heavy fighting reported around {town}",
                 "Fighting intensified around {town} on {day}, with military officials on both "
                 "sides reporting repeated assaults and sustained artillery fire along a stretch "
                 "of front roughly {n_km} kilometres long."),
                ("Drones downed over {kh} and {od} regions",
                 "Air defence units brought down {n_drones} drones overnight over the {kh} and "
                 "{od} regions, Ukrainian officials said on {day}. Russia's defence ministry said "
                 "separately that it had intercepted drones over several of its own border "
                 "districts."),
                ("Little movement on the front near {town}",
                 "The front line near {town} barely moved over the past week, according to "
                 "independent mapping projects that follow the fighting through online video and "
                 "satellite images, although both armies reported small local gains."),
                ("Rail depot hit in {kh} region, thousands without power",
                 "A missile strike on a rail depot in the {kh} region cut electricity to several "
                 "thousand households late on {day}, the regional administration said. Repair "
                 "teams restored power to most homes by the following morning."),
            ],
            "bodies": [
                "The claims could not be independently verified. Both armies restrict access for "
                "reporters close to the front, and commercial satellite images of the area are "
                "often several days old by the time they are released.",
                "Military analysts describe the fighting as a contest of drones and shells rather "
                "than of large armoured thrusts. Small infantry groups try to move between tree "
                "lines, usually at night, while reconnaissance drones circle overhead and direct "
                "artillery onto anything that moves.",
                "Residents of villages near the line describe long nights in cellars. Shops in "
                "the district centre open for only a few hours a day, and volunteers drive in "
                "bread, water and medicine for those who have chosen to stay.",
                "The area around {town} has been contested for months. Its roads link several "
                "supply routes in the {db}, which is why commanders on both sides regard it as "
                "important despite the cost of holding it.",
                "Ukraine's general staff said its units had held off {n_small} attacks in the "
                "sector over the previous 24 hours. Russia's defence ministry, in its own daily "
                "summary, said its forces had improved their positions and destroyed several "
                "ammunition depots.",
                "Clearing mines has become a task of decades rather than years. Engineers "
                "estimate that large stretches of farmland in the south and east will stay "
                "unusable until every field has been checked, metre by metre.",
                "Both sides now rely on cheap drones built from commercial parts. Workshops on "
                "either side of the line turn out thousands of them a month, and electronic "
                "jamming has become as important as armour.",
                "Roads leading to the front are lined with anti-drone netting in places, and "
                "supply trucks travel at night without lights. Drivers say a journey of forty "
                "kilometres can take most of an evening.",
                "Commanders on both sides say fortified lines, minefields and constant drone "
                "surveillance make large breakthroughs almost impossible, so gains are counted in "
                "villages and hilltops.",
                "Medical teams near the front describe moving the wounded at night in armoured "
                "ambulances, because vehicles that travel by day are quickly spotted from the "
                "air.",
            ],
        },
        "diplomacy": {
            "pairs": [
                ("Diplomats test the ground for talks, with no date in sight",
                 "Officials from several countries met behind closed doors on {day} to discuss "
                 "possible formats for future negotiations, people familiar with the meeting "
                 "said, but no date or venue for talks between Moscow and {cap} was agreed."),
                ("Ministers discuss Black Sea shipping and prisoner exchanges",
                 "Foreign ministers from a group of mediating states discussed the safety of "
                 "shipping in the Black Sea and further prisoner exchanges at a meeting on {day}, "
                 "according to a joint statement that did not mention a ceasefire."),
                ("Mediators offer to host new round of contacts",
                 "Two governments that have mediated earlier prisoner exchanges offered on {day} "
                 "to host a new round of contacts between Russian and Ukrainian officials, though "
                 "neither side has publicly accepted the invitation."),
            ],
            "bodies": [
                "Earlier rounds of contacts produced limited but concrete results, including "
                "exchanges of prisoners of war and the return of a small number of children to "
                "their families. Broader political talks have not taken place since the spring "
                "of 2022.",
                "Diplomats familiar with the contacts say the positions of the two sides remain "
                "far apart on the central questions: territory, security guarantees and the "
                "sequence of any ceasefire.",
                "Statements issued after recent diplomatic meetings have called for respect for "
                "international law and for the safety of nuclear facilities, wording chosen so "
                "that as many governments as possible could sign.",
                "Several governments in Asia, Africa and Latin America have said they want the "
                "fighting to end quickly, pointing to the effect of the war on food and "
                "fertiliser prices in their own countries.",
                "Analysts caution that neither side appears to believe that time is working "
                "against it, a condition that has historically made negotiated settlements hard "
                "to reach.",
                "Officials in {cap} have said repeatedly that any agreement must include reliable "
                "security guarantees, pointing to earlier accords that failed to prevent new "
                "fighting.",
                "Moscow has signalled that it would prefer to discuss wider questions of European "
                "security directly with Washington, a format that {cap} and most European "
                "capitals reject.",
            ],
        },
        "sanctions": {
            "pairs": [
                ("EU agrees new package of measures against Russia",
                 "European Union governments agreed on {day} on a new package of restrictive "
                 "measures against Russia, adding {n_listings} companies and individuals to the "
                 "bloc's list and tightening controls on goods that can be used by the military."),
                ("Checks on oil tankers tightened",
                 "Western governments announced stricter checks on tankers carrying Russian oil "
                 "on {day}, aiming to close loopholes in the price cap that has been in force "
                 "since late 2022."),
            ],
            "bodies": [
                "Recent listings have targeted firms in third countries that are suspected of "
                "helping to supply electronic components, machine tools and other goods with both "
                "civilian and military uses.",
                "Russia's economy has proved more resilient than many forecasters expected in "
                "2022, helped by high defence spending and by redirecting energy exports to "
                "buyers in Asia. Inflation and labour shortages, however, have risen.",
                "Enforcement remains the main difficulty. Customs data show that exports of some "
                "restricted goods to Russia's neighbours rose sharply after the first rounds of "
                "measures were introduced.",
                "When new EU packages are prepared, some member states seek exemptions for "
                "particular industries, and talks over the final text can take weeks, diplomats "
                "in Brussels say.",
                "The debate over using the proceeds of immobilised Russian central bank assets "
                "continued. Several governments favour the idea, while others warn of legal "
                "risks and of the effect on the euro's role as a reserve currency.",
                "Insurers and port authorities are under pressure to check the ownership of "
                "tankers more closely, as many vessels are registered to shell companies with no "
                "visible owners.",
                "Banks in several neighbouring countries have tightened checks on payments linked "
                "to Russia, which traders say has made simple transactions slow and expensive.",
            ],
        },
        "arms": {
            "bodies": [
                "Ukrainian officials have said that air defence is their most urgent need, as "
                "Russia continues to target power plants and cities with missiles and drones.",
                "Defence manufacturers in Europe are expanding production of artillery shells, "
                "but industry executives say new lines take time to build and that output will "
                "not reach the promised levels until next year.",
                "Aid packages in several countries still need parliamentary approval, and some "
                "opposition lawmakers have questioned the cost and asked for clearer reporting on "
                "where the equipment ends up.",
                "Moscow has repeatedly warned countries supplying Ukraine that their equipment "
                "will be treated as a legitimate military target once it reaches Ukrainian "
                "territory.",
                "Training programmes for Ukrainian pilots and air defence crews are running in "
                "several countries, with courses lasting from a few weeks to several months.",
                "Officials in {cap} have asked partners to invest in Ukrainian arms production as "
                "well, arguing that shells and drones made at home reach the front faster.",
                "Delivery schedules are rarely published in full. Officials say this denies "
                "Moscow useful information, but it also makes it hard for outsiders to check "
                "whether promises have been kept.",
                "Maintenance is a growing problem. Equipment of many types and origins needs its "
                "own spare parts, tools and training, which stretches Ukraine's repair workshops.",
            ],
        },
        "refugees": {
            "bodies": [
                "Many of those who left the east have settled in the west of the country, where "
                "rents in the larger cities have risen sharply since 2022.",
                "Host countries in the European Union have extended temporary protection for "
                "people from Ukraine, which gives them the right to work, study and receive "
                "medical care.",
                "Aid organisations say the elderly and people with disabilities are the most "
                "likely to remain in frontline towns, often because they cannot travel or do not "
                "want to leave their homes.",
                "Schools in border regions are holding classes online or in basements fitted out "
                "as classrooms, so that children can continue lessons during air raid alerts.",
                "Local authorities said they were preparing additional shelter space and heating "
                "points for the colder months.",
                "Employers in several host countries say people from Ukraine have filled gaps in "
                "care, logistics and hotels, though many work in jobs below their qualifications.",
                "Surveys among those who left show that the share planning to return has fallen "
                "as the war drags on, especially among families with children at school.",
            ],
        },
        "energy": {
            "pairs": [
                ("Strikes on power plants force scheduled blackouts",
                 "Ukraine's grid operator introduced scheduled power cuts in several regions on "
                 "{day} after a wave of missile and drone strikes damaged thermal and "
                 "hydroelectric plants."),
                ("Gas storage in Europe fuller than usual",
                 "Gas storage sites in the European Union are fuller than usual for the time of "
                 "year, industry data published on {day} showed, easing concerns about shortages "
                 "in the coming winter."),
                ("Inspectors report drone strike at {zp} nuclear plant",
                 "International inspectors at the {zp} nuclear power plant reported drone damage "
                 "to a building on the site on {day}, and repeated their call on all sides to "
                 "refrain from any action that could endanger nuclear safety."),
            ],
            "bodies": [
                "Energy officials say the damage done to Ukraine's power stations this year will "
                "take months to repair, and households have been advised to charge devices and "
                "store water while power is available.",
                "The agreement under which Russian gas flows through Ukraine to several Central "
                "European countries expires at the end of the year, and neither side has "
                "signalled that it will be renewed.",
                "Industry groups in Germany and elsewhere say high energy prices since 2022 have "
                "hit chemical and metal producers hardest, with some plants cutting output or "
                "moving production abroad.",
                "The six reactors of the {zp} nuclear plant have been shut down for months, which "
                "reduces but does not remove the risk of an accident. The station depends on "
                "outside power lines for cooling.",
                "Neighbouring countries have increased electricity exports to Ukraine, but the "
                "capacity of cross-border lines limits how much can be imported at peak hours.",
                "Engineers in {cap} argue that spreading generation across the country, with "
                "small gas turbines and solar parks, would make the grid much harder to knock "
                "out.",
                "Power cuts hit small businesses hardest. Bakeries, hairdressers and repair shops "
                "have bought generators, and the hum of diesel engines has become part of the "
                "sound of city streets.",
                "Electricity prices for households were raised this year to pay for repairs, a "
                "sensitive step in a country where many families have lost income since 2022.",
            ],
        },
        "nato": {
            "bodies": [
                "Alliance members have raised defence spending since 2022, and officials said a "
                "majority of them are now expected to meet the target of two per cent of "
                "economic output.",
                "The summit communiqué was negotiated for weeks. Diplomats said the wording on "
                "Ukraine's path to membership was the most contested passage.",
                "Finland and Sweden have joined the alliance since 2022, extending its land "
                "border with Russia by more than a thousand kilometres.",
                "Officials said a new command would coordinate training and equipment for "
                "Ukraine, a role previously carried out by a group of individual countries.",
                "Security was tight around the summit venue, with roads closed and several "
                "thousand police officers on duty.",
                "Several members have ordered new air defence systems and long-range missiles, "
                "and the alliance plans to keep more forces on its eastern flank on a rotating "
                "basis.",
                "Officials said the alliance itself would not become a party to the war, even as "
                "it takes over more of the coordination of help for {cap}.",
            ],
        },
        "troops": {
            "bodies": [
                "The question of a foreign military presence in Ukraine has divided European "
                "governments. Several said they had no plans for such a step, while others "
                "declined to rule anything out.",
                "Officials stressed that training, mine clearance and the repair of equipment "
                "could in principle take place inside the country without any involvement in "
                "combat, though such missions would still carry risks.",
                "Opinion polls in several European countries show that a clear majority of "
                "voters oppose any deployment of their own soldiers to the war zone.",
                "Military experts noted that even a limited mission would need air defence, "
                "medical evacuation and a clear chain of command, all of which would take months "
                "to prepare.",
                "Military attachés in {cap} pointed out that several countries already keep small "
                "security teams at their embassies, a normal practice that does not amount to a "
                "deployment.",
                "Some officials argued that leaving the question open kept Moscow guessing, while "
                "others said open disagreement among allies sent the opposite message.",
            ],
        },
        "general": {
            "bodies": [
                "The war, now in its third year, has killed or wounded hundreds of thousands of "
                "soldiers on both sides, according to Western estimates. Neither government "
                "publishes full figures for its own losses.",
                "Daily life in much of Ukraine goes on between air raid alerts. Cafés stay open, "
                "trains mostly run on time, and phone apps warn residents when missiles or "
                "drones are approaching.",
                "In Russia, the economy has been reorganised around military production, and "
                "recruitment campaigns offer large one-off payments to men who sign contracts "
                "with the army.",
                "International organisations have repeatedly called for the protection of "
                "medical facilities and for safe access for aid convoys to areas near the front.",
                "Grain exports through the Black Sea ports have recovered since late 2023, "
                "despite repeated attacks on port facilities in the {od} region.",
                "Both governments have tightened control over information about the war. Official "
                "statements are often the only source for events near the front, and they rarely "
                "agree.",
                "Prices for food and fuel in Ukraine have risen, but the hryvnia has been fairly "
                "stable since the central bank moved to a managed exchange rate in late 2023.",
                "Western intelligence assessments published in recent months suggest that Russia "
                "is producing artillery shells faster than Ukraine's partners can supply them, "
                "though the gap has narrowed.",
                "In {cap}, air raid sirens sound several times a week. Many residents no longer "
                "go down to shelters for every alert, relying instead on messaging channels that "
                "track missiles in real time.",
                "Night trains have become a lifeline, carrying soldiers on leave, aid workers and "
                "families between the capital and cities near the front, with diesel engines on "
                "standby when power lines are cut.",
                "Moscow and {cap} each accuse the other of deliberately targeting infrastructure "
                "far from the front, and both reject the accusations made against them.",
                "Farming remains a pillar of Ukraine's economy. Growers near the front plough "
                "around craters and pay for private mine checks before sowing.",
                "Ukraine's parliament has extended martial law and general mobilisation every "
                "ninety days since 2022, each time by a large majority.",
                "Recruitment has become a central question for both armies. Ukraine has argued "
                "for months over new mobilisation rules, while Russia relies largely on "
                "volunteers drawn by high pay.",
                "Demining teams, many of them made up of women retrained from other jobs, work "
                "their way through fields and forests in areas that Ukrainian forces retook in "
                "2022.",
                "Cyber attacks accompany the fighting. Banks, mobile operators and government "
                "websites on both sides have suffered outages that officials blamed on hackers "
                "from the other side.",
                "The Black Sea has become a front of its own. Ukrainian sea drones have forced "
                "Russia's fleet to move many of its ships away from Crimea.",
                "The cost of rebuilding Ukraine is estimated at several hundred billion dollars, "
                "a figure that grows with every month of fighting.",
                "Thousands of families on both sides are still searching for relatives listed as "
                "missing. Officials of the Red Cross say many cases may take years to resolve.",
                "Fuel depots and refineries inside Russia have become frequent targets of "
                "Ukrainian long-range drones, causing fires and temporary shutdowns.",
                "Teachers in many towns take the register in shelters when alerts run long, and "
                "school timetables are built around the likelihood of interruptions.",
                "Prisoner exchanges have continued despite the absence of political talks, "
                "usually after weeks of quiet negotiation through intermediaries.",
            ],
        },
    },
    "de": {
        "battlefield": {
            "pairs": [
                ("Schwere Kämpfe um {town}",
                 "Die Kämpfe um {town} haben sich am {day} verschärft. Militärvertreter beider "
                 "Seiten berichteten von wiederholten Angriffen und anhaltendem Artilleriefeuer "
                 "auf einem etwa {n_km} Kilometer langen Frontabschnitt."),
                ("Drohnen über den Gebieten {kh} und {od} abgeschossen",
                 "Die ukrainische Luftabwehr hat in der Nacht {n_drones} Drohnen über den "
                 "Gebieten {kh} und {od} abgeschossen, teilten die Behörden am {day} mit. Das "
                 "russische Verteidigungsministerium meldete seinerseits abgefangene Drohnen über "
                 "mehreren Grenzbezirken."),
                ("Kaum Bewegung an der Front bei {town}",
                 "Die Frontlinie bei {town} hat sich in der vergangenen Woche kaum verschoben. "
                 "Das zeigen unabhängige Kartierungsprojekte, die das Geschehen anhand von Videos "
                 "und Satellitenbildern verfolgen. Beide Armeen meldeten dennoch kleinere "
                 "Geländegewinne."),
            ],
            "bodies": [
                "Die Angaben ließen sich nicht unabhängig überprüfen. Beide Armeen beschränken "
                "den Zugang für Journalisten in Frontnähe, und kommerzielle Satellitenbilder sind "
                "bei ihrer Veröffentlichung oft mehrere Tage alt.",
                "Militärbeobachter beschreiben die Kämpfe als Abnutzungskrieg der Drohnen und "
                "Granaten. Große Panzervorstöße gibt es kaum noch; kleine Infanteriegruppen "
                "versuchen, meist nachts, von Baumreihe zu Baumreihe vorzurücken.",
                "Bewohner der frontnahen Dörfer berichten von langen Nächten im Keller. Die "
                "Geschäfte im Bezirkszentrum öffnen nur wenige Stunden am Tag, Freiwillige "
                "bringen Brot, Wasser und Medikamente zu denen, die geblieben sind.",
                "Um das Gebiet bei {town} wird seit Monaten gekämpft. Über seine Straßen laufen "
                "mehrere Versorgungswege im {db}, weshalb beide Seiten es trotz hoher Verluste "
                "für wichtig halten.",
                "Der ukrainische Generalstab erklärte, seine Einheiten hätten in dem Abschnitt "
                "binnen 24 Stunden {n_small} Angriffe abgewehrt. Das russische "
                "Verteidigungsministerium meldete in seiner täglichen Übersicht, die eigenen "
                "Truppen hätten ihre Stellungen verbessert.",
                "Die Räumung der Minen wird Jahrzehnte dauern. Fachleute schätzen, dass große "
                "Ackerflächen im Süden und Osten erst wieder bestellt werden können, wenn jedes "
                "Feld Meter für Meter abgesucht ist.",
                "Beide Seiten setzen inzwischen auf billige Drohnen aus handelsüblichen Teilen. "
                "Werkstätten diesseits und jenseits der Front bauen Tausende im Monat, und "
                "elektronische Störsender sind so wichtig geworden wie Panzerung.",
                "Die Straßen zur Front sind stellenweise mit Netzen gegen Drohnen überspannt, "
                "Versorgungslaster fahren nachts ohne Licht. Für vierzig Kilometer brauchen die "
                "Fahrer oft einen ganzen Abend.",
                "Befestigte Linien, Minenfelder und die ständige Überwachung durch Drohnen machen "
                "große Durchbrüche nach Aussage von Kommandeuren beider Seiten fast unmöglich. "
                "Gewinne werden in Dörfern und Anhöhen gezählt.",
                "Sanitätsteams in Frontnähe berichten, dass sie Verwundete nachts in gepanzerten "
                "Krankenwagen abtransportieren, weil Fahrzeuge bei Tag schnell aus der Luft "
                "entdeckt werden.",
            ],
        },
        "diplomacy": {
            "pairs": [
                ("Diplomaten loten Gesprächsformate aus",
                 "Vertreter mehrerer Staaten haben am {day} hinter verschlossenen Türen über "
                 "mögliche Formate für künftige Verhandlungen beraten. Ein Termin oder Ort für "
                 "Gespräche zwischen Moskau und {cap} wurde nach Angaben von Teilnehmern nicht "
                 "vereinbart."),
                ("Außenminister beraten über Schifffahrt im Schwarzen Meer",
                 "Außenminister mehrerer vermittelnder Staaten haben am {day} über die "
                 "Sicherheit der Handelsschifffahrt im Schwarzen Meer und weitere "
                 "Gefangenenaustausche beraten. Eine Waffenruhe kam in der gemeinsamen Erklärung "
                 "nicht vor."),
            ],
            "bodies": [
                "Frühere Kontakte haben begrenzte, aber konkrete Ergebnisse gebracht, darunter "
                "den Austausch von Kriegsgefangenen und die Rückkehr einzelner Kinder zu ihren "
                "Familien. Politische Verhandlungen gab es seit dem Frühjahr 2022 nicht mehr.",
                "Die Positionen beider Seiten liegen nach Angaben beteiligter Diplomaten in den "
                "Kernfragen weit auseinander: Gebiete, Sicherheitsgarantien und die Reihenfolge "
                "einer möglichen Waffenruhe.",
                "Viele Regierungen in Asien, Afrika und Lateinamerika wünschen sich ein schnelles "
                "Ende der Kämpfe. Sie verweisen auf die Folgen des Krieges für die Preise von "
                "Getreide und Düngemitteln in ihren Ländern.",
                "Beobachter geben zu bedenken, dass offenbar keine der beiden Seiten glaubt, die "
                "Zeit arbeite gegen sie. Unter solchen Bedingungen kommen Verhandlungslösungen "
                "erfahrungsgemäß nur schwer zustande.",
                "Die ukrainische Regierung in {cap} betont seit Langem, jede Vereinbarung brauche "
                "verlässliche Sicherheitsgarantien. Sie verweist auf frühere Abkommen, die neue "
                "Kämpfe nicht verhindert hätten.",
                "Moskau hat angedeutet, Fragen der europäischen Sicherheit am liebsten direkt mit "
                "Washington zu besprechen, ein Format, das {cap} und die meisten europäischen "
                "Hauptstädte ablehnen.",
                "Abschlusserklärungen solcher Treffen rufen meist zur Achtung des Völkerrechts "
                "und zur Sicherheit kerntechnischer Anlagen auf. Die Formulierungen werden "
                "bewusst so gewählt, dass möglichst viele Staaten unterschreiben können.",
            ],
        },
        "sanctions": {
            "pairs": [
                ("EU einigt sich auf neues Maßnahmenpaket gegen Russland",
                 "Die Regierungen der Europäischen Union haben sich am {day} auf ein neues Paket "
                 "restriktiver Maßnahmen gegen Russland geeinigt. {n_listings} Unternehmen und "
                 "Personen kommen auf die Liste, zudem werden Ausfuhren militärisch nutzbarer "
                 "Güter strenger kontrolliert."),
                ("Ölpreisdeckel: Kontrollen werden verschärft",
                 "Die westlichen Staaten wollen Tanker mit russischem Öl künftig strenger "
                 "kontrollieren. Damit sollen Lücken im Preisdeckel geschlossen werden, der seit "
                 "Ende 2022 gilt, wie am {day} bekannt wurde."),
            ],
            "bodies": [
                "Jüngere Listungen richten sich vor allem gegen Firmen in Drittstaaten, die "
                "elektronische Bauteile, Werkzeugmaschinen und andere Güter mit doppeltem "
                "Verwendungszweck liefern sollen.",
                "Die russische Wirtschaft hat sich widerstandsfähiger gezeigt, als viele "
                "Prognosen 2022 erwarten ließen. Hohe Rüstungsausgaben und die Umlenkung von "
                "Energieexporten nach Asien stützen sie; Inflation und Arbeitskräftemangel haben "
                "jedoch zugenommen.",
                "Die Durchsetzung bleibt das Hauptproblem. Zolldaten zeigen, dass die Ausfuhren "
                "bestimmter Güter in Russlands Nachbarländer nach den ersten Maßnahmenpaketen "
                "stark gestiegen sind.",
                "Bei neuen EU-Paketen verlangen einzelne Mitgliedstaaten regelmäßig Ausnahmen für "
                "bestimmte Branchen; die Verhandlungen über den Text ziehen sich nach Angaben von "
                "Diplomaten in Brüssel oft über Wochen hin.",
                "Weiter umstritten ist die Nutzung der Erträge aus eingefrorenen russischen "
                "Zentralbankgeldern. Mehrere Regierungen befürworten sie, andere warnen vor "
                "rechtlichen Risiken und vor Folgen für den Euro als Reservewährung.",
                "Versicherer und Hafenbehörden sollen die Eigentümer von Tankern genauer prüfen, "
                "denn viele Schiffe sind auf Briefkastenfirmen ohne erkennbare Besitzer "
                "registriert.",
                "Banken in mehreren Nachbarländern prüfen Zahlungen mit Russland-Bezug inzwischen "
                "strenger. Händler klagen, selbst einfache Geschäfte seien dadurch langsam und "
                "teuer geworden.",
            ],
        },
        "arms": {
            "bodies": [
                "Die ukrainische Regierung nennt Luftverteidigung ihren dringendsten Bedarf, da "
                "Russland weiterhin Kraftwerke und Städte mit Raketen und Drohnen angreift.",
                "Europäische Rüstungshersteller bauen die Produktion von Artilleriemunition aus. "
                "Branchenvertreter betonen jedoch, neue Fertigungslinien brauchten Zeit; die "
                "zugesagten Mengen würden erst im kommenden Jahr erreicht.",
                "In mehreren Ländern müssen Hilfspakete noch von den Parlamenten gebilligt "
                "werden. Einige Oppositionsabgeordnete kritisieren die Kosten und fordern "
                "genauere Berichte über den Verbleib des Materials.",
                "Moskau hat wiederholt erklärt, militärisches Gerät aus dem Ausland werde zum "
                "legitimen Ziel, sobald es ukrainisches Gebiet erreiche.",
                "In mehreren Ländern laufen Ausbildungsprogramme für ukrainische Piloten und "
                "Besatzungen von Flugabwehrsystemen; die Lehrgänge dauern von wenigen Wochen bis "
                "zu mehreren Monaten.",
                "Die Regierung in {cap} wirbt bei den Partnern auch für Investitionen in die "
                "ukrainische Rüstungsindustrie. Granaten und Drohnen aus eigener Fertigung "
                "erreichten die Front schneller, heißt es.",
                "Lieferpläne werden selten vollständig veröffentlicht. Das solle Moskau keine "
                "Informationen liefern, heißt es; es erschwert aber auch die Kontrolle, ob "
                "Zusagen eingehalten werden.",
                "Die Wartung wird zum Problem. Gerät vieler Typen und Herkunftsländer braucht "
                "jeweils eigene Ersatzteile, Werkzeuge und Schulungen, was die ukrainischen "
                "Werkstätten an ihre Grenzen bringt.",
            ],
        },
        "refugees": {
            "bodies": [
                "Viele Menschen aus dem Osten haben sich im Westen des Landes niedergelassen, wo "
                "die Mieten in den größeren Städten seit 2022 stark gestiegen sind.",
                "Die Staaten der Europäischen Union haben den vorübergehenden Schutz für "
                "Menschen aus der Ukraine verlängert. Er umfasst das Recht auf Arbeit, "
                "Schulbesuch und medizinische Versorgung.",
                "Hilfsorganisationen berichten, dass vor allem ältere Menschen und Menschen mit "
                "Behinderungen in den Frontstädten bleiben, oft weil sie nicht reisen können "
                "oder ihr Zuhause nicht verlassen wollen.",
                "Schulen in grenznahen Regionen unterrichten online oder in Kellerräumen, die zu "
                "Klassenzimmern umgebaut wurden, damit der Unterricht auch bei Luftalarm "
                "weitergehen kann.",
                "Die Kommunen bereiten nach eigenen Angaben zusätzliche Notunterkünfte und "
                "Wärmestuben für die kalten Monate vor.",
                "Arbeitgeber in mehreren Aufnahmeländern berichten, dass Menschen aus der Ukraine "
                "Lücken in Pflege, Logistik und Gastgewerbe füllen, oft allerdings unter ihrer "
                "Qualifikation.",
                "Umfragen zeigen, dass der Anteil derer, die zurückkehren wollen, mit der Dauer "
                "des Krieges sinkt, besonders bei Familien mit schulpflichtigen Kindern.",
            ],
        },
        "energy": {
            "pairs": [
                ("Geplante Stromabschaltungen nach Angriffen auf Kraftwerke",
                 "Der ukrainische Netzbetreiber hat am {day} in mehreren Regionen geplante "
                 "Stromabschaltungen angekündigt, nachdem eine Welle von Raketen- und "
                 "Drohnenangriffen Wärme- und Wasserkraftwerke beschädigt hatte."),
                ("Gasspeicher in Europa gut gefüllt",
                 "Die Gasspeicher in der Europäischen Union sind für die Jahreszeit "
                 "ungewöhnlich gut gefüllt. Das zeigen am {day} veröffentlichte Branchendaten. "
                 "Die Sorge vor Engpässen im kommenden Winter hat damit nachgelassen."),
            ],
            "bodies": [
                "Die Schäden an den ukrainischen Kraftwerken aus den Angriffen dieses Jahres "
                "werden nach Angaben der Energiebranche Monate zur Reparatur brauchen. Haushalte "
                "sollen Geräte laden und Wasser vorrätig halten, solange Strom fließt.",
                "Der Vertrag über den Transit russischen Gases durch die Ukraine nach "
                "Mitteleuropa läuft zum Jahresende aus. Keine der beiden Seiten hat eine "
                "Verlängerung in Aussicht gestellt.",
                "Industrieverbände in Deutschland klagen, die hohen Energiepreise seit 2022 "
                "hätten vor allem Chemie- und Metallbetriebe getroffen. Einige Werke haben die "
                "Produktion gedrosselt oder ins Ausland verlagert.",
                "Die sechs Reaktoren des Kernkraftwerks {zp} sind seit Monaten heruntergefahren. "
                "Das verringert das Unfallrisiko, beseitigt es aber nicht, denn für die Kühlung "
                "ist die Anlage auf externe Stromleitungen angewiesen.",
                "Nachbarländer haben ihre Stromexporte in die Ukraine erhöht. Die Kapazität der "
                "grenzüberschreitenden Leitungen begrenzt jedoch, wie viel zu Spitzenzeiten "
                "eingeführt werden kann.",
                "Ingenieure in {cap} plädieren dafür, die Stromerzeugung mit kleinen Gasturbinen "
                "und Solarparks über das ganze Land zu verteilen. Ein solches Netz wäre weit "
                "schwerer auszuschalten.",
                "Besonders hart treffen die Abschaltungen kleine Betriebe. Bäckereien, Friseure "
                "und Werkstätten haben Generatoren angeschafft; das Brummen der Dieselmotoren "
                "gehört inzwischen zum Straßenbild.",
                "Die Strompreise für Haushalte wurden in diesem Jahr erhöht, um Reparaturen zu "
                "bezahlen, ein heikler Schritt in einem Land, in dem viele Familien seit 2022 "
                "Einkommen verloren haben.",
            ],
        },
        "nato": {
            "bodies": [
                "Die Mitgliedstaaten haben ihre Verteidigungsausgaben seit 2022 erhöht. Nach "
                "Angaben aus dem Bündnis dürfte eine Mehrheit inzwischen das Ziel von zwei "
                "Prozent der Wirtschaftsleistung erreichen.",
                "Über die Gipfelerklärung wurde wochenlang verhandelt. Am umstrittensten war "
                "nach Angaben von Diplomaten die Passage über den Weg der Ukraine in das "
                "Bündnis.",
                "Mit Finnland und Schweden sind seit 2022 zwei neue Mitglieder hinzugekommen. Die "
                "Landgrenze des Bündnisses zu Russland hat sich dadurch um mehr als tausend "
                "Kilometer verlängert.",
                "Ein neues Kommando soll künftig Ausbildung und Ausrüstung für die Ukraine "
                "koordinieren, eine Aufgabe, die bisher eine Gruppe einzelner Staaten übernommen "
                "hatte.",
                "Rund um den Tagungsort galten strenge Sicherheitsvorkehrungen; Straßen wurden "
                "gesperrt, mehrere Tausend Polizisten waren im Einsatz.",
                "Mehrere Mitgliedstaaten haben neue Luftverteidigungssysteme und Raketen größerer "
                "Reichweite bestellt. An der Ostflanke sollen zudem mehr Kräfte im Wechsel "
                "stationiert werden.",
                "Das Bündnis selbst werde nicht Kriegspartei, hieß es, auch wenn es einen "
                "größeren Teil der Koordinierung der Hilfe für {cap} übernimmt.",
            ],
        },
        "troops": {
            "bodies": [
                "Die Frage einer ausländischen Militärpräsenz in der Ukraine spaltet die "
                "europäischen Regierungen. Mehrere erklärten, sie hätten keine solchen Pläne; "
                "andere wollten nichts ausschließen.",
                "Ausbildung, Minenräumung und die Instandsetzung von Gerät könnten grundsätzlich "
                "auch im Land selbst stattfinden, ohne dass die Beteiligten an Kämpfen "
                "teilnähmen, betonten Regierungsvertreter. Risikolos wären solche Einsätze "
                "dennoch nicht.",
                "Umfragen in mehreren europäischen Ländern zeigen, dass eine deutliche Mehrheit "
                "jeden Einsatz eigener Soldaten im Kriegsgebiet ablehnt.",
                "Selbst eine begrenzte Mission bräuchte Luftverteidigung, Sanitätsversorgung und "
                "eine klare Befehlskette, sagen Militärfachleute. Die Vorbereitung würde Monate "
                "dauern.",
                "Militärattachés in {cap} wiesen darauf hin, dass mehrere Staaten ohnehin kleine "
                "Sicherheitsteams an ihren Botschaften unterhalten. Das sei üblich und kein "
                "Einsatz im eigentlichen Sinn.",
                "Manche Regierungsvertreter meinten, eine offene Frage halte Moskau im "
                "Ungewissen. Andere entgegneten, der sichtbare Streit unter Verbündeten sende das "
                "gegenteilige Signal.",
            ],
        },
        "general": {
            "bodies": [
                "Der Krieg hat nach westlichen Schätzungen auf beiden Seiten Hunderttausende "
                "Soldaten das Leben gekostet oder sie verwundet. Keine der beiden Regierungen "
                "veröffentlicht vollständige Zahlen zu den eigenen Verlusten.",
                "Das Alltagsleben in weiten Teilen der Ukraine findet zwischen den Luftalarmen "
                "statt. Cafés haben geöffnet, Züge fahren meist pünktlich, und Apps auf dem "
                "Handy warnen vor anfliegenden Raketen und Drohnen.",
                "In Russland ist die Wirtschaft auf Rüstungsproduktion umgestellt worden. "
                "Werbekampagnen versprechen Männern, die einen Vertrag mit der Armee "
                "unterschreiben, hohe Einmalzahlungen.",
                "Internationale Organisationen fordern immer wieder den Schutz medizinischer "
                "Einrichtungen und freien Zugang für Hilfskonvois in frontnahe Gebiete.",
                "Die Getreideexporte über die Schwarzmeerhäfen haben sich seit Ende 2023 erholt, "
                "obwohl die Hafenanlagen im Gebiet {od} wiederholt angegriffen wurden.",
                "Beide Regierungen kontrollieren die Informationen über den Krieg streng. "
                "Amtliche Angaben sind für Ereignisse nahe der Front oft die einzige Quelle, und "
                "sie widersprechen einander meist.",
                "Lebensmittel und Treibstoff sind in der Ukraine teurer geworden, die "
                "Landeswährung Hrywnja ist jedoch weitgehend stabil, seit die Zentralbank Ende "
                "2023 zu einem gesteuerten Wechselkurs übergegangen ist.",
                "Westliche Geheimdienste gehen davon aus, dass Russland mehr Artilleriegranaten "
                "herstellt, als die Partner der Ukraine liefern können. Der Abstand sei "
                "allerdings kleiner geworden.",
                "In {cap} heulen mehrmals pro Woche die Sirenen. Viele Bewohner gehen nicht mehr "
                "bei jedem Alarm in den Schutzraum, sondern verlassen sich auf Messenger-Kanäle, "
                "die anfliegende Raketen in Echtzeit melden.",
                "Nachtzüge sind zur Lebensader geworden. Sie bringen Soldaten auf Heimaturlaub, "
                "Helfer und Familien zwischen der Hauptstadt und den frontnahen Städten hin und "
                "her, notfalls mit Diesellokomotiven.",
                "Moskau und {cap} werfen einander vor, gezielt Infrastruktur weit hinter der "
                "Front anzugreifen, und weisen die Vorwürfe gegen sich jeweils zurück.",
                "Die Landwirtschaft bleibt eine tragende Säule der ukrainischen Wirtschaft. "
                "Bauern in Frontnähe pflügen um Krater herum und bezahlen private Minensucher, "
                "bevor sie säen.",
                "Das ukrainische Parlament verlängert Kriegsrecht und Generalmobilmachung seit "
                "2022 alle neunzig Tage, jedes Mal mit großer Mehrheit.",
                "Die Rekrutierung ist für beide Armeen zur Kernfrage geworden. In der Ukraine "
                "wird seit Monaten über neue Mobilisierungsregeln gestritten, Russland setzt vor "
                "allem auf Freiwillige, die mit hohem Sold geworben werden.",
                "Minenräumteams, in denen viele umgeschulte Frauen arbeiten, suchen Felder und "
                "Wälder in den Gebieten ab, die ukrainische Truppen 2022 zurückerobert haben.",
                "Cyberangriffe begleiten die Kämpfe. Banken, Mobilfunkanbieter und Behördenseiten "
                "beider Länder hatten Ausfälle, für die Regierungsvertreter Hacker der Gegenseite "
                "verantwortlich machten.",
                "Das Schwarze Meer ist zu einer eigenen Front geworden. Ukrainische Seedrohnen "
                "haben die russische Flotte gezwungen, viele Schiffe von der Krim abzuziehen.",
                "Die Kosten des Wiederaufbaus der Ukraine werden auf mehrere Hundert Milliarden "
                "Dollar geschätzt, und die Summe wächst mit jedem Kriegsmonat.",
                "Tausende Familien auf beiden Seiten suchen noch immer nach Angehörigen, die als "
                "vermisst gelten. Beim Roten Kreuz heißt es, viele Fälle würden sich erst nach "
                "Jahren klären lassen.",
                "Treibstofflager und Raffinerien in Russland sind häufig Ziel ukrainischer "
                "Langstreckendrohnen geworden. Immer wieder kommt es zu Bränden und "
                "vorübergehenden Stillständen.",
                "In vielen Städten nehmen Lehrerinnen die Anwesenheit im Schutzraum auf, wenn der "
                "Alarm lange dauert. Stundenpläne rechnen mit Unterbrechungen.",
                "Gefangenenaustausche finden trotz fehlender politischer Gespräche weiter statt, "
                "meist nach wochenlangen, stillen Verhandlungen über Vermittler.",
            ],
        },
    },
}

# ---------------------------------------------------------------------------------------------
# 3. Outlet banks: (title, lead) pairs per topic, and framing paragraphs in the outlet's voice
# ---------------------------------------------------------------------------------------------

# Eastern Courier (en): Kremlin-aligned; Russian-derived spellings.
EASTERN_COURIER = {
    "battlefield": {
        "pairs": [
            ("Russian forces liberate village on approaches to {town}",
             "Russian units have liberated another village on the approaches to {town}, the "
             "Defence Ministry in Moscow said on {day}. According to the ministry, Ukrainian "
             "formations lost more than {n_losses} servicemen and several armoured vehicles in "
             "the sector over the past week."),
            ("Kiev regime shells residential districts of Donetsk",
             "Ukrainian artillery struck residential districts of Donetsk overnight, local "
             "authorities said, damaging several apartment blocks, a bus depot and a school. City "
             "officials called the strike another deliberate attack by the Kiev regime on "
             "peaceful neighbourhoods far from the front."),
            ("Kiev throws last reserves into {town} as defences crumble",
             "The Ukrainian command has moved several reserve brigades towards {town}, according "
             "to sources in the Russian military, as the Kiev regime tries to hold a line that "
             "Russian analysts say it can no longer defend without ever larger arms deliveries "
             "from abroad."),
            ("Air defences repel drone raid on Belgorod",
             "Russian air defences intercepted {n_drones} Ukrainian drones over the Belgorod and "
             "Kursk regions overnight, the Defence Ministry reported. Falling debris damaged a "
             "warehouse and several cars, and regional officials accused Kiev of targeting "
             "border towns with Western weapons."),
            ("Russian troops push forward on {kh} front",
             "Russian forces moved forward along several axes in the {kh} region this week, "
             "securing a belt of villages from which, officials say, Ukrainian units had shelled "
             "Belgorod for months. Military correspondents describe the aim as a buffer zone "
             "that keeps Russian towns out of artillery range.",
             (5, 6, 7, 8, 9)),
            ("Nationalist battalions abandon positions near {town}",
             "Units of the so-called national battalions, long described in Moscow as neo-Nazi "
             "formations, have abandoned positions near {town}, the Defence Ministry said on "
             "{day}, leaving behind ammunition stocks and armoured vehicles supplied by NATO "
             "countries."),
            ("Ukrainian sabotage group neutralised in Bryansk region",
             "Russian border guards neutralised a Ukrainian sabotage and reconnaissance group "
             "that tried to cross into the Bryansk region on {day}, the security services said. "
             "Western weapons and explosives were found at the scene, according to the "
             "statement."),
            ("Kiev's troops retreat towards {town} under artillery fire",
             "Ukrainian units are falling back towards {town} under sustained Russian artillery "
             "fire, military correspondents reported on {day}, describing abandoned trenches and "
             "columns of damaged vehicles on the roads west of the front. Kiev has not commented "
             "on its losses."),
            ("Donbass: another settlement back under Russian control",
             "Another settlement in the Donbass has come under Russian control after weeks of "
             "fighting, military correspondents reported on {day}. Residents who spent the "
             "winter in basements welcomed the Russian soldiers, according to footage shared by "
             "local officials."),
        ],
        "frames": [
            "Moscow says the goals of the special military operation remain unchanged: the "
            "demilitarisation and denazification of Ukraine and the protection of the people of "
            "the Donbass. Officials insist these goals will be reached, either at the negotiating "
            "table or on the battlefield.",
            "Military analyst Oleg Varentsov told Eastern Courier that Ukraine's army is running "
            "short of trained infantry. “Kiev is sending men to the front after three weeks of "
            "training. No amount of Western weapons can make up for that,” he said.",
            "In the liberated villages, engineers have begun clearing mines left behind by "
            "retreating Ukrainian units, and volunteers from Russian regions are handing out food "
            "parcels and medicine. Local officials said water supply would be restored within "
            "weeks.",
            "According to the Defence Ministry, the Ukrainian side has lost more than {n_losses} "
            "servicemen in the sector in a week. The figures cannot be checked, but Russian "
            "military bloggers describe Ukrainian units that are barely at half strength.",
        ],
    },
    "diplomacy": {
        "pairs": [
            ("Moscow open to talks, but not on Kiev's terms",
             "Russia remains open to negotiations on the Ukraine conflict, a senior Foreign "
             "Ministry official said on {day}, but any settlement must reflect “the realities on "
             "the ground” and remove the root causes of the crisis, above all NATO's eastward "
             "expansion."),
            ("Peace conference without Russia ends as ‘an empty ritual’",
             "A conference on Ukraine held in Switzerland without Russian participation has ended "
             "without tangible results, confirming what Moscow had said from the start: that the "
             "collective West is interested not in peace but in rallying support for the Kiev "
             "regime.",
             (6, 7)),
            ("Global South resists Western pressure over Ukraine",
             "Governments across Asia, Africa and Latin America continue to resist Western "
             "pressure to take sides in the Ukraine conflict, diplomats say, as the US-led bloc "
             "struggles to win support beyond its own allies for sanctions against Moscow."),
        ],
        "frames": [
            "“You cannot make peace with one side of the table left empty,” said Gennady "
            "Porshnev, a retired diplomat who took part in arms control talks in the 1980s. In "
            "his view, Washington and its allies want Kiev to keep fighting “until the last "
            "Ukrainian”.",
            "Russian officials have repeatedly said that Kiev walked away from a draft agreement "
            "in the spring of 2022 under pressure from its Western sponsors. Since then, they "
            "argue, every new round of promises from abroad has only prolonged the hostilities.",
            "Political scientist Irina Solovtseva said the Western position had hardened. “For "
            "them the Ukraine conflict is a proxy war, and a proxy war ends only when the sponsor "
            "decides it is no longer worth the money,” she told Eastern Courier.",
        ],
    },
    "sanctions": {
        "pairs": [
            ("EU rolls out yet another package of anti-Russian sanctions",
             "The European Union has approved yet another package of anti-Russian sanctions, the "
             "latest in a series that Brussels once promised would cripple the Russian economy "
             "within months. Officials in Moscow said the new measures would hurt European "
             "companies more than Russian ones."),
            ("Russian exports find new buyers despite Western restrictions",
             "Russian exporters of oil, grain and fertiliser have found new buyers in Asia and "
             "the Middle East, trade figures show, blunting the effect of the restrictions "
             "imposed by the collective West since 2022."),
            ("Frozen assets: Moscow warns the West against ‘theft’",
             "Moscow has warned Western governments against using the proceeds of frozen Russian "
             "central bank assets to fund Kiev, calling any such step outright theft and "
             "promising a mirror response against Western property in Russia."),
        ],
        "frames": [
            "“The sanctions were meant to crush our economy in a few months. Instead, European "
            "households are paying more for energy and European factories are closing,” "
            "economist Lev Marchenko told Eastern Courier. Russian industry, he said, had adapted "
            "faster than anyone in Brussels expected.",
            "Officials in Moscow regard the restrictions as one more expression of Russophobia in "
            "Western capitals, where, they say, anti-Russian hysteria has replaced sober economic "
            "calculation. Russian artists, athletes and students have faced bans and boycotts as "
            "well.",
            "Critics inside the European Union point out that many restricted goods still reach "
            "Russia through third countries, only at a higher price. The main winners, they say, "
            "are traders in those countries, not the governments that imposed the measures.",
        ],
    },
    "arms": {
        "pairs": [
            ("Washington approves new weapons package for Kiev",
             "The US Congress has approved a new multibillion-dollar package of military aid for "
             "Kiev after months of wrangling, a move Russian officials said would only prolong "
             "the Ukraine conflict and raise the death toll among Ukrainian conscripts.",
             (4, 5)),
            ("Western sponsors debate strikes deep inside Russia",
             "Kiev's Western sponsors are openly discussing whether to let Ukrainian forces fire "
             "long-range missiles at targets deep inside Russia, a step Moscow has said would "
             "mean the direct involvement of NATO countries in the war."),
            ("European arms deliveries slowed by empty stockpiles",
             "Arms deliveries from European countries to Kiev are falling behind schedule as "
             "stockpiles run low, according to reports in the Western press, with promised "
             "artillery shells arriving months late and some air defence systems still awaiting "
             "delivery."),
        ],
        "frames": [
            "Russian officials have warned that allowing Western missiles to strike Russian "
            "territory would turn NATO members into direct parties to the war. “This is a road "
            "to direct confrontation between nuclear powers, and everyone in Washington knows "
            "it,” said security commentator Viktor Alsky.",
            "Each new round of arms deliveries, Moscow argues, only prolongs the hostilities and "
            "costs more Ukrainian lives, while Western defence companies post record profits. "
            "The new weapons, Russian officials say, will be destroyed like those that came "
            "before them.",
            "Military analyst Oleg Varentsov said much of the Western equipment sent to Ukraine "
            "had been destroyed within weeks of arriving. “They send tanks, we burn them. They "
            "send more. It is a conveyor belt paid for by Western taxpayers,” he said.",
        ],
    },
    "refugees": {
        "pairs": [
            ("Ukrainian men flee to escape forced mobilisation",
             "Growing numbers of Ukrainian men are trying to cross the border illegally to escape "
             "mobilisation, according to reports from border regions, as recruitment officers in "
             "several cities stop men in the street and hand them call-up papers."),
            ("Europe grows tired of Ukrainian refugees",
             "Several European governments are trimming support for Ukrainian refugees, cutting "
             "allowances and housing aid as public patience wears thin. Critics say the Kiev "
             "regime expects Europe to pay for a war it refuses to end."),
            ("Families return to liberated towns in Donbass",
             "Families who left their homes during the fighting are returning to liberated towns "
             "in the Donbass, where Russian construction crews are rebuilding apartment blocks, "
             "schools and hospitals, regional officials said on {day}."),
        ],
        "frames": [
            "Yelena Drozdova, a district official in Donetsk, said more than {n_hundreds} "
            "families had come back since the spring. “People are tired of living in other "
            "cities. They want to be home, and now they can be,” she said.",
            "Western media rarely report on the hundreds of thousands of residents of the "
            "Donbass who fled to Russia after 2014 and again in 2022, Russian officials complain. "
            "In the West, they say, the only refugees who count are those who went west.",
        ],
    },
    "energy": {
        "pairs": [
            ("Ukrainian drones target Zaporozhye nuclear plant again",
             "Ukrainian drones struck the grounds of the {zp} nuclear power plant again on "
             "{day}, the plant's Russian-appointed management said, calling the attack reckless "
             "and urging international inspectors to name those responsible."),
            ("Europe pays the price for abandoning Russian gas",
             "European industry is paying a high price for giving up Russian pipeline gas, with "
             "energy-hungry factories closing or moving abroad, figures published this week "
             "suggest. Russian officials say Europe has become a hostage to its own sanctions "
             "policy."),
            ("End of gas transit through Ukraine leaves Central Europe exposed",
             "Kiev has confirmed that it will not extend the agreement on the transit of Russian "
             "gas to Europe when it expires at the end of the year, a decision that will hit "
             "Central European countries that still rely on the pipeline."),
        ],
        "frames": [
            "Russian officials argue that the Kiev regime uses attacks on energy sites to hold "
            "the attention of its foreign backers, knowing that Western governments will not "
            "criticise it. “Imagine the outcry if Russia fired at a nuclear plant,” one official "
            "said.",
            "Energy economist Lev Marchenko said the collective West had traded cheap Russian "
            "energy for expensive American liquefied gas. “Washington is the winner of this "
            "policy. European consumers are the losers,” he said.",
        ],
    },
    "nato": {
        "pairs": [
            ("NATO summit confirms US-led bloc's course towards confrontation",
             "The NATO summit in Washington has confirmed the US-led bloc's course towards "
             "confrontation with Russia, Russian officials said on {day}, pointing to new "
             "promises of weapons for Kiev and talk of an ‘irreversible’ path to membership for "
             "Ukraine."),
            ("Alliance pledges billions more to Kiev regime",
             "NATO members have pledged tens of billions of dollars in further military support "
             "for the Kiev regime, a step Moscow said showed that the alliance was now openly a "
             "party to the Ukraine conflict."),
            ("Bloc moves ever closer to Russia's borders",
             "The US-led bloc is building up its forces along Russia's western borders, from the "
             "Baltic to the Black Sea, Russian military experts say, with new bases, larger "
             "exercises and additional air defence units in Poland and Romania."),
        ],
        "frames": [
            "“The alliance is walking towards a direct confrontation with a nuclear power with "
            "its eyes open,” said security commentator Viktor Alsky. “Every summit adds another "
            "step. Nobody in Brussels seems to ask where the staircase ends.”",
            "Russian officials say the collective West has never accepted Russia's security "
            "concerns. NATO's eastward expansion, they argue, is the root cause of the Ukraine "
            "conflict, and Western politicians who talk of World War III should remember who "
            "brought the bloc to Russia's borders.",
            "Moscow has warned many times that the proxy war waged by the US-led bloc could "
            "spill over. A single miscalculation, Russian officials say, could lead to a nuclear "
            "war that nobody in Europe would survive.",
        ],
    },
    "troops": {
        "pairs": [
            ("Western troops in Ukraine would be legitimate targets, Moscow warns",
             "Russia will treat any Western troops deployed in Ukraine as legitimate targets, "
             "Moscow warned on {day}, after politicians in several European capitals discussed "
             "sending troops to Ukraine in support of the Kiev regime."),
            ("Talk of sending troops to Ukraine alarms European public",
             "Talk in Paris and other capitals about sending troops to Ukraine has alarmed "
             "ordinary Europeans, opinion polls suggest, with large majorities opposed to any "
             "step that could drag their countries into direct confrontation with Russia.",
             (3,)),
            ("NATO ‘instructors’ already in Ukraine, military sources claim",
             "Military personnel from NATO countries are already working in Ukraine under the "
             "label of instructors and technicians, Russian military sources claim, operating "
             "complex Western weapons that Ukrainian crews cannot yet handle on their own."),
        ],
        "frames": [
            "“Sending troops to Ukraine would mean war between Russia and NATO. That is World "
            "War III, and people in Europe understand this better than their governments,” said "
            "Viktor Alsky, a security commentator in Moscow.",
            "Russian officials say the debate shows how far the collective West is ready to go "
            "in its proxy war. After tanks, missiles and fighter jets, they argue, the only step "
            "left is to send Western soldiers, with all the risk of nuclear war that would "
            "bring.",
        ],
    },
    "any": {
        "frames": [
            "The hostilities have been dragged out, Moscow argues, by the collective West, which "
            "keeps supplying Kiev with money and weapons while dismissing any serious proposal "
            "for a settlement. Russian diplomats describe the Ukraine conflict as a proxy war "
            "waged by the US-led bloc against Russia.",
            "Political scientist Irina Solovtseva said the campaign against Russia in Western "
            "media had reached new heights. “What we are witnessing is not journalism but "
            "Russophobia, an anti-Russian hysteria that leaves no room for facts,” she told "
            "Eastern Courier.",
            "Western governments and media routinely call Russia's actions an “invasion”, a "
            "label Moscow rejects. Russian officials point to eight years of shelling of the "
            "Donbass before 2022 and say the special military operation was launched to put an "
            "end to it.",
            "Kiev's foreign backers have spent well over a hundred billion dollars on the war, "
            "with little to show for it on the battlefield. Critics in Europe increasingly ask "
            "how long taxpayers will be made to pay for what they call a lost cause.",
            "Officials in Moscow still refer to the authorities that came to power in 2014 as "
            "the Kiev junta, unable to take a decision without approval from Washington. Real "
            "talks, they say, will have to be held with those who pay for the war.",
            "The liberation of Donbass was named one of the aims of the operation from its first "
            "day. Commentators in Moscow stress that the residents of {lu} and Donetsk have long "
            "looked to Russia to protect Russian speakers from Kiev's policies.",
        ],
    },
}

# Ostwind Kurier (de): RT-DE-style; Russian-derived spellings.
OSTWIND_KURIER = {
    "battlefield": {
        "pairs": [
            ("Russische Truppen befreien weitere Ortschaft bei {town}",
             "Russische Einheiten haben eine weitere Ortschaft im Umland von {town} befreit, wie "
             "das Verteidigungsministerium in Moskau am {day} mitteilte. Die ukrainischen "
             "Verbände hätten in dem Abschnitt innerhalb einer Woche mehr als {n_losses} "
             "Soldaten sowie mehrere Panzerfahrzeuge verloren."),
            ("Kiewer Regime beschießt Wohngebiete in Donezk",
             "Ukrainische Artillerie hat in der Nacht erneut Wohnviertel von Donezk beschossen. "
             "Nach Angaben der örtlichen Behörden wurden mehrere Wohnblocks, ein Busdepot und "
             "eine Schule beschädigt. Die Stadtverwaltung sprach von einem gezielten Angriff des "
             "Kiewer Regimes auf friedliche Stadtteile weit hinter der Front."),
            ("Lage bei {town}: Kiew wirft letzte Reserven in die Schlacht",
             "Die ukrainische Führung verlegt nach Angaben russischer Militärquellen weitere "
             "Reservebrigaden in Richtung {town}. Beobachter in Moskau halten die Linie dort "
             "ohne immer neue Waffenlieferungen aus dem Westen für nicht mehr haltbar."),
            ("Drohnenangriff auf Belgorod abgewehrt",
             "Die russische Luftabwehr hat in der Nacht {n_drones} ukrainische Drohnen über den "
             "Gebieten Belgorod und Kursk abgefangen, teilte das Verteidigungsministerium mit. "
             "Herabfallende Trümmer beschädigten eine Lagerhalle und mehrere Autos. Die "
             "Regionalbehörden warfen Kiew vor, Grenzstädte gezielt mit westlichen Waffen "
             "anzugreifen."),
            ("Vorstoß im Gebiet {kh}: Russische Armee schafft Pufferzone",
             "Die russischen Streitkräfte sind im Gebiet {kh} an mehreren Abschnitten "
             "vorgerückt. Ziel sei eine Pufferzone, die russische Grenzorte außer Reichweite der "
             "ukrainischen Artillerie bringe, berichten Militärkorrespondenten.",
             (5, 6, 7, 8, 9)),
            ("Nationalistische Bataillone räumen Stellungen bei {town}",
             "Einheiten der sogenannten Nationalbataillone, die Moskau seit Jahren als Neonazis "
             "bezeichnet, haben nach Angaben des Verteidigungsministeriums ihre Stellungen bei "
             "{town} geräumt. Zurück blieben Munitionslager und gepanzerte Fahrzeuge aus "
             "NATO-Beständen."),
            ("Sabotagetrupp im Gebiet Brjansk ausgeschaltet",
             "Russische Grenzschützer haben am {day} eine ukrainische Sabotage- und "
             "Aufklärungsgruppe ausgeschaltet, die in das Gebiet Brjansk eindringen wollte. Am "
             "Ort seien westliche Waffen und Sprengstoff sichergestellt worden, teilte der "
             "Geheimdienst mit."),
            ("Ukrainische Truppen weichen in Richtung {town} zurück",
             "Ukrainische Einheiten ziehen sich unter anhaltendem russischem Artilleriefeuer in "
             "Richtung {town} zurück, berichteten Militärkorrespondenten am {day}. Sie "
             "beschrieben verlassene Schützengräben und Kolonnen beschädigter Fahrzeuge westlich "
             "der Front. Kiew äußerte sich nicht zu den Verlusten."),
            ("Donbass: Weitere Siedlung unter russischer Kontrolle",
             "Nach wochenlangen Kämpfen ist eine weitere Siedlung im Donbass unter russische "
             "Kontrolle gekommen, meldeten Militärkorrespondenten am {day}. Bewohner, die den "
             "Winter in Kellern verbracht hatten, begrüßten die russischen Soldaten, wie auf "
             "Videos der örtlichen Behörden zu sehen ist."),
        ],
        "frames": [
            "Moskau betont, die Ziele der militärischen Spezialoperation blieben unverändert: "
            "Entmilitarisierung und Entnazifizierung der Ukraine sowie der Schutz der Menschen im "
            "Donbass. Ob diese Ziele am Verhandlungstisch oder auf dem Schlachtfeld erreicht "
            "würden, hänge allein von Kiew ab.",
            "Der Militärexperte Dmitri Kalugin sagte dem Ostwind Kurier, der ukrainischen Armee "
            "fehle es vor allem an ausgebildeter Infanterie. „Kiew schickt Männer nach drei "
            "Wochen Ausbildung an die Front. Das können auch westliche Waffen nicht ausgleichen“, "
            "sagte er.",
            "In den Dörfern, die nun befreit sind, räumen Pioniere die Minen, die ukrainische "
            "Einheiten beim Rückzug hinterlassen haben. Freiwillige aus russischen Regionen "
            "verteilen Lebensmittel und Medikamente; die Wasserversorgung soll binnen Wochen "
            "wiederhergestellt werden.",
            "Nach Angaben aus Moskau sind viele ukrainische Einheiten nur noch zur Hälfte "
            "besetzt. Überprüfen lassen sich die Zahlen nicht, doch auch westliche Medien "
            "berichten inzwischen offen über Personalmangel in den Schützengräben.",
        ],
    },
    "diplomacy": {
        "pairs": [
            ("Moskau gesprächsbereit – aber nicht zu Kiews Bedingungen",
             "Russland ist nach Angaben eines ranghohen Diplomaten weiterhin zu Verhandlungen "
             "über den Ukraine-Konflikt bereit. Jede Lösung müsse jedoch die „Realitäten vor "
             "Ort“ anerkennen und die eigentlichen Ursachen der Krise beseitigen, allen voran "
             "die Osterweiterung der NATO."),
            ("Friedenskonferenz ohne Russland: Ein teures Schaulaufen",
             "Die Ukraine-Konferenz in der Schweiz ist ohne greifbare Ergebnisse zu Ende "
             "gegangen. Für Beobachter in Moskau bestätigt das, was von Anfang an absehbar war: "
             "Ohne Russland am Tisch gibt es keinen Frieden, und der kollektive Westen wollte ihn "
             "auch gar nicht.",
             (6, 7)),
            ("Globaler Süden lässt sich nicht vereinnahmen",
             "Regierungen in Asien, Afrika und Lateinamerika widersetzen sich weiterhin dem "
             "Druck, im Ukraine-Konflikt Partei zu ergreifen. Der von den USA geführte Block "
             "findet außerhalb des eigenen Lagers kaum Unterstützung für seine Sanktionspolitik."),
        ],
        "frames": [
            "„Man kann keinen Frieden schließen, wenn eine Seite des Tisches leer bleibt“, sagte "
            "der Politologe Rainer Hollweg. Washington und seine Verbündeten wollten, dass Kiew "
            "weiterkämpfe, und zwar so lange, wie es den eigenen Interessen diene.",
            "Russische Diplomaten verweisen immer wieder darauf, dass Kiew im Frühjahr 2022 "
            "einen bereits ausgehandelten Vertragsentwurf auf Druck seiner westlichen Sponsoren "
            "verworfen habe. Seitdem hätten die Feindseligkeiten Zehntausende weitere Leben "
            "gekostet.",
            "Für die Publizistin Sabine Treuholt ist die Lage eindeutig: „Für Washington ist das "
            "ein Stellvertreterkrieg. Und ein Stellvertreterkrieg endet erst, wenn der "
            "Auftraggeber entscheidet, dass er sich nicht mehr lohnt.“",
        ],
    },
    "sanctions": {
        "pairs": [
            ("EU beschließt weiteres Paket antirussischer Sanktionen",
             "Die Europäische Union hat ein weiteres Paket antirussischer Sanktionen "
             "verabschiedet. Brüssel hatte einst versprochen, die russische Wirtschaft binnen "
             "Monaten in die Knie zu zwingen. In Moskau hieß es, die neuen Maßnahmen schadeten "
             "europäischen Unternehmen mehr als russischen."),
            ("Russische Exporte finden neue Abnehmer",
             "Russische Exporteure von Öl, Getreide und Düngemitteln haben in Asien und im Nahen "
             "Osten neue Käufer gefunden, wie aktuelle Handelsdaten zeigen. Die Beschränkungen, "
             "die der kollektive Westen seit 2022 verhängt hat, verlieren damit weiter an "
             "Wirkung."),
            ("Eingefrorene Gelder: Moskau warnt vor ‚Diebstahl‘",
             "Moskau hat die westlichen Regierungen davor gewarnt, Erträge aus eingefrorenen "
             "Geldern der russischen Zentralbank an Kiew weiterzureichen. Ein solcher Schritt sei "
             "Diebstahl, hieß es; Russland werde spiegelbildlich gegen westliches Eigentum "
             "vorgehen."),
        ],
        "frames": [
            "„Die Sanktionen sollten unsere Wirtschaft in wenigen Monaten zerstören. Stattdessen "
            "zahlen deutsche Haushalte mehr für Energie, und deutsche Fabriken schließen“, sagte "
            "der Ökonom Jewgeni Larin. Die russische Industrie habe sich schneller angepasst, "
            "als man in Brüssel erwartet habe.",
            "In Moskau gelten die Strafmaßnahmen als Ausdruck einer tief sitzenden Russophobie. "
            "Die antirussische Hysterie in westlichen Hauptstädten habe längst jede nüchterne "
            "wirtschaftliche Abwägung verdrängt, heißt es dort. Auch russische Künstler, "
            "Sportler und Studenten seien von Boykotten betroffen.",
            "Kritiker in der EU weisen darauf hin, dass viele der betroffenen Waren weiterhin "
            "über Drittstaaten nach Russland gelangen, nur eben teurer. Profiteure seien "
            "Zwischenhändler, nicht die Regierungen, die die Maßnahmen beschlossen haben.",
        ],
    },
    "arms": {
        "pairs": [
            ("US-Kongress billigt neues Milliardenpaket für Kiew",
             "Nach monatelangem Streit hat der US-Kongress ein neues Militärhilfepaket in "
             "Milliardenhöhe für Kiew gebilligt. Russische Politiker erklärten, die "
             "Waffenlieferungen würden den Ukraine-Konflikt nur verlängern und noch mehr "
             "ukrainische Wehrpflichtige das Leben kosten.",
             (4, 5)),
            ("Westliche Sponsoren debattieren über Angriffe tief in Russland",
             "Die westlichen Sponsoren Kiews diskutieren inzwischen offen darüber, ob die Ukraine "
             "Raketen mit großer Reichweite gegen Ziele tief im russischen Hinterland einsetzen "
             "darf. Moskau hat erklärt, dies käme einer direkten Beteiligung der NATO-Staaten am "
             "Krieg gleich."),
            ("Marschflugkörper-Debatte: Berlin zögert weiter",
             "Die Bundesregierung zögert weiterhin, Marschflugkörper mit großer Reichweite an "
             "Kiew abzugeben. Im Bundestag wächst dennoch der Druck, während Umfragen zeigen, "
             "dass eine Mehrheit der Deutschen weitere Eskalationsschritte ablehnt."),
        ],
        "frames": [
            "Russische Vertreter warnen, der Einsatz westlicher Raketen gegen russisches "
            "Territorium würde die NATO-Staaten zu direkten Kriegsparteien machen. „Das ist der "
            "Weg in die direkte Konfrontation zwischen Atommächten“, sagte der Militärexperte "
            "Dmitri Kalugin.",
            "Jede neue Runde von Waffenlieferungen verlängere die Feindseligkeiten und koste "
            "weitere ukrainische Leben, argumentiert Moskau. Profitieren würden vor allem "
            "westliche Rüstungskonzerne, deren Aktienkurse seit 2022 kräftig gestiegen sind.",
            "Oberst a. D. Heiko Brandauer sieht Deutschland auf einem gefährlichen Weg. „Wer "
            "Marschflugkörper liefert, muss auch die Zieldaten liefern. Dann sind wir "
            "Kriegspartei, ob wir es wollen oder nicht“, sagte er dem Ostwind Kurier.",
        ],
    },
    "refugees": {
        "pairs": [
            ("Ukrainische Männer fliehen vor Zwangsmobilisierung",
             "Immer mehr ukrainische Männer versuchen, die Grenze illegal zu überqueren, um der "
             "Mobilisierung zu entgehen. Berichten aus Grenzregionen zufolge halten "
             "Rekrutierungsbeamte in mehreren Städten Männer auf offener Straße an und händigen "
             "ihnen Einberufungsbescheide aus."),
            ("Kosten für ukrainische Flüchtlinge: Kommunen schlagen Alarm",
             "In Deutschland wächst die Debatte über die Kosten für ukrainische Flüchtlinge. "
             "Kommunen klagen über fehlenden Wohnraum und volle Schulen, während das Kiewer "
             "Regime Männer im wehrfähigen Alter zur Rückkehr auffordert."),
            ("Rückkehr in den Donbass: Familien kommen heim",
             "Familien, die während der Kämpfe ihre Häuser verlassen hatten, kehren in die Städte "
             "des Donbass zurück. Russische Bautrupps errichten dort Wohnblocks, Schulen und "
             "Krankenhäuser neu, teilten regionale Behörden am {day} mit."),
        ],
        "frames": [
            "Westliche Medien berichten selten über die Hunderttausenden Bewohner des Donbass, "
            "die nach 2014 und erneut 2022 nach Russland geflohen sind, klagen russische "
            "Vertreter. Als Flüchtlinge zählten im Westen offenbar nur jene, die nach Westen "
            "gegangen seien.",
            "„Die Menschen sind es leid, in fremden Städten zu leben. Sie wollen nach Hause, und "
            "jetzt können sie es“, sagte eine Bezirksbeamtin in Donezk. Seit dem Frühjahr seien "
            "mehr als {n_hundreds} Familien zurückgekehrt.",
        ],
    },
    "energy": {
        "pairs": [
            ("Erneut Drohnen über Kernkraftwerk Saporoschje",
             "Ukrainische Drohnen haben am {day} erneut das Gelände des Kernkraftwerks {zp} "
             "angegriffen, teilte die von Russland eingesetzte Leitung des Kraftwerks mit. Sie "
             "sprach von einem rücksichtslosen Angriff und forderte die internationalen "
             "Inspektoren auf, die Verantwortlichen zu benennen."),
            ("Teures Gas: Die deutsche Industrie zahlt die Zeche",
             "Die deutsche Industrie zahlt einen hohen Preis für den Verzicht auf russisches "
             "Pipelinegas. Energieintensive Betriebe schließen oder verlagern ihre Produktion ins "
             "Ausland, wie neue Zahlen zeigen. In Moskau heißt es, Europa sei zur Geisel seiner "
             "eigenen Sanktionspolitik geworden."),
            ("Ende des Gastransits trifft Mitteleuropa",
             "Kiew hat bestätigt, den Vertrag über den Transit russischen Gases nach Europa zum "
             "Jahresende auslaufen zu lassen. Die Entscheidung trifft vor allem mitteleuropäische "
             "Länder, die noch immer auf die Leitung angewiesen sind."),
        ],
        "frames": [
            "„Washington ist der Gewinner dieser Politik, die europäischen Verbraucher sind die "
            "Verlierer“, sagte der Ökonom Jewgeni Larin. Der kollektive Westen habe billiges "
            "russisches Gas gegen teures amerikanisches Flüssiggas eingetauscht.",
            "Russische Vertreter werfen dem Kiewer Regime vor, mit Angriffen auf Energieanlagen "
            "die Aufmerksamkeit seiner ausländischen Unterstützer zu suchen, in der Gewissheit, "
            "dass westliche Regierungen dazu schweigen würden.",
        ],
    },
    "nato": {
        "pairs": [
            ("NATO-Gipfel: Der von den USA geführte Block setzt auf Konfrontation",
             "Der NATO-Gipfel in Washington hat nach Ansicht russischer Beobachter den "
             "Konfrontationskurs des von den USA geführten Blocks bestätigt. Neue Zusagen für "
             "Waffen und die Rede von einem „unumkehrbaren“ Weg der Ukraine in das Bündnis "
             "stießen in Moskau auf scharfe Kritik."),
            ("Milliardenzusagen für das Kiewer Regime",
             "Die NATO-Staaten haben dem Kiewer Regime weitere Militärhilfe in zweistelliger "
             "Milliardenhöhe zugesagt. Moskau sieht darin den Beweis, dass das Bündnis längst "
             "offen Partei im Ukraine-Konflikt ist."),
            ("Aufrüstung an Russlands Westgrenze",
             "Der von den USA geführte Block verstärkt seine Kräfte entlang der russischen "
             "Westgrenze von der Ostsee bis zum Schwarzen Meer. Russische Militärexperten "
             "verweisen auf neue Stützpunkte, größere Manöver und zusätzliche "
             "Luftabwehreinheiten in Polen und Rumänien."),
        ],
        "frames": [
            "„Das Bündnis geht sehenden Auges auf eine direkte Konfrontation mit einer Atommacht "
            "zu“, sagte der Politologe Rainer Hollweg. „Jeder Gipfel fügt eine weitere Stufe "
            "hinzu. Niemand in Brüssel fragt, wo diese Treppe endet.“",
            "Nach russischer Lesart hat der kollektive Westen Russlands Sicherheitsinteressen "
            "nie ernst genommen. Die Osterweiterung der NATO sei die eigentliche Ursache des "
            "Ukraine-Konflikts. Wer heute vor einem dritten Weltkrieg warne, solle sich fragen, "
            "wer das Bündnis an Russlands Grenzen geführt habe.",
            "Moskau warnt seit Langem, der Stellvertreterkrieg des Westens könne außer Kontrolle "
            "geraten. Eine einzige Fehleinschätzung, heißt es dort, könne in einen Atomkrieg "
            "münden, den in Europa niemand überleben würde.",
        ],
    },
    "troops": {
        "pairs": [
            ("Moskau: Westliche Truppen in der Ukraine wären legitime Ziele",
             "Russland wird westliche Truppen in der Ukraine als legitime Ziele betrachten. Das "
             "erklärte Moskau am {day}, nachdem in mehreren europäischen Hauptstädten über die "
             "Entsendung von Truppen zur Unterstützung des Kiewer Regimes gesprochen worden war."),
            ("Entsendung von Truppen? Mehrheit der Deutschen sagt Nein",
             "Die Debatte über eine mögliche Entsendung von Truppen in die Ukraine beunruhigt die "
             "Menschen in Deutschland. Umfragen zufolge lehnt eine große Mehrheit jeden Schritt "
             "ab, der das Land in eine direkte Konfrontation mit Russland hineinziehen könnte."),
            ("NATO-‚Ausbilder‘ längst in der Ukraine?",
             "Militärangehörige aus NATO-Staaten sind nach Angaben russischer Militärquellen "
             "längst in der Ukraine im Einsatz, offiziell als Ausbilder und Techniker. Sie "
             "bedienten komplexe westliche Waffensysteme, mit denen ukrainische Besatzungen noch "
             "nicht allein zurechtkämen."),
        ],
        "frames": [
            "„Die Entsendung von Truppen in die Ukraine bedeutet Krieg zwischen Russland und der "
            "NATO. Das wäre der dritte Weltkrieg, und die Menschen in Europa verstehen das "
            "besser als ihre Regierungen“, sagte Oberst a. D. Heiko Brandauer.",
            "Nach russischer Darstellung zeigt die Debatte, wie weit der kollektive Westen in "
            "seinem Stellvertreterkrieg zu gehen bereit ist. Nach Panzern, Raketen und "
            "Kampfjets bleibe nur noch der Schritt, westliche Truppen zu schicken, mit allen "
            "Risiken eines Atomkriegs.",
        ],
    },
    "any": {
        "frames": [
            "Die Feindseligkeiten würden vor allem vom kollektiven Westen in die Länge gezogen, "
            "argumentiert Moskau. Er versorge Kiew mit Geld und Waffen und weise jeden "
            "ernsthaften Vorschlag für eine Lösung zurück. Russische Diplomaten sprechen von "
            "einem Stellvertreterkrieg des von den USA geführten Blocks gegen Russland.",
            "Die Publizistin Sabine Treuholt sieht in der westlichen Berichterstattung vor allem "
            "Russophobie. „Was wir erleben, ist kein Journalismus mehr, sondern antirussische "
            "Hysterie, die keinen Raum für Fakten lässt“, sagte sie.",
            "Westliche Regierungen und Medien sprechen von einer „Invasion“, eine Bezeichnung, "
            "die Moskau zurückweist. Russische Vertreter verweisen auf acht Jahre Beschuss des "
            "Donbass vor 2022; die militärische Spezialoperation sei begonnen worden, um dem ein "
            "Ende zu setzen.",
            "Die ausländischen Unterstützer Kiews haben Schätzungen zufolge weit über hundert "
            "Milliarden Dollar in Waffenlieferungen und Finanzhilfen gesteckt, ohne dass sich das "
            "auf dem Schlachtfeld auszahle. In Europa fragen sich immer mehr Steuerzahler, wie "
            "lange sie noch für eine verlorene Sache aufkommen sollen.",
            "Für Moskau ist das Regime in Kiew seit dem Umsturz von 2014 kein eigenständiger "
            "Akteur. Wirkliche Verhandlungen, heißt es dort, müsse man mit denen führen, die den "
            "Krieg bezahlen.",
            "Die Befreiung des Donbass war vom ersten Tag an eines der erklärten Ziele der "
            "Operation. Russische Kommentatoren betonen, die Bewohner von {lu} und Donezk hätten "
            "jahrelang unter dem Beschuss ukrainischer Einheiten gelebt.",
        ],
    },
}

# Harbour Times (en): Western broadsheet; Ukrainian-derived spellings.
HARBOUR_TIMES = {
    "battlefield": {
        "pairs": [
            ("Russian glide bombs pound {town} as defenders hold on",
             "Russian forces dropped dozens of glide bombs on {town} over the weekend, Ukrainian "
             "commanders said, as the invaders pressed their assaults on a town that months of "
             "fighting have reduced to ruins. The few residents who remain face what aid workers "
             "call a humanitarian crisis, with no running water and no power."),
            ("Missile strike on {kh} apartment block kills {n_dead}",
             "A Russian missile slammed into an apartment block in {kh} on {day}, killing at "
             "least {n_dead} people and wounding {n_hurt}, regional officials said, adding to a "
             "mounting toll of civilian casualties in the city this year. Rescuers worked "
             "through the night to free residents trapped under concrete."),
            ("Ukrainian troops fall back from positions near {town}",
             "Ukrainian troops have pulled back from several positions west of {town} to avoid "
             "encirclement, a military spokesman in {cap} said on {day}, as the occupying forces "
             "sent wave after wave of infantry against the line regardless of their losses."),
            ("Drone war: a night with a Ukrainian unit near {town}",
             "In a farmhouse a few kilometres from {town}, a team of Ukrainian drone operators "
             "watches live video from the front on a row of laptops. Since Russia's full-scale "
             "invasion, small units like this one have become the backbone of the defence, "
             "making up for Western weapons that arrive in smaller numbers than promised."),
            ("{od} port hit again as Russia targets grain exports",
             "Russian missiles struck port facilities in the {od} region on {day}, damaging a "
             "grain terminal and a civilian cargo ship, Ukrainian officials said. The attack was "
             "the latest in a campaign against the export routes that keep Ukraine's economy "
             "afloat. Two crew members were among the civilian casualties, officials said."),
            ("New Russian offensive opens front in {kh} region",
             "Russian troops have crossed the border into the {kh} region in a new offensive, "
             "forcing thousands of residents of Vovchansk and surrounding villages to flee as "
             "the invaders shelled the roads used for evacuation, and adding a new wave of "
             "refugees to the hundreds of thousands already displaced.",
             (5, 6)),
            ("Volunteers race to bring out the last residents of {town}",
             "Police and volunteers in armoured vans are racing to bring out the last residents "
             "of {town} before Russian forces close in, as the occupiers' drones hunt vehicles on "
             "the only road still open. About {n_hundreds} people are believed to remain."),
            ("Ukrainian sea drones strike Russian vessel off Crimea",
             "Ukrainian sea drones struck a Russian patrol vessel off the coast of occupied "
             "Crimea on {day}, Ukraine's military intelligence agency said, the latest in a "
             "series of attacks that have pushed Russia's Black Sea Fleet away from its main "
             "base."),
            ("Life under occupation in the {zp} region",
             "Residents of the occupied part of the {zp} region describe a life of checkpoints, "
             "forced passport changes and fear of arrest. Several who spoke to the Harbour Times "
             "by phone asked not to be named for fear of reprisals by the occupiers."),
        ],
        "frames": [
            "International monitors have documented more than ten thousand civilians killed "
            "since the full-scale invasion began in February 2022, and say the true number is "
            "likely to be considerably higher because many occupied areas are out of reach.",
            "“They shell the roads in the morning, when people go out to buy bread. They know "
            "exactly what they are doing,” said Halyna Moroz, a volunteer who drives supplies to "
            "villages near the front. Prosecutors in {kh} have opened war crimes investigations "
            "into several of the strikes.",
            "Marta Ilves, a military analyst at a security think-tank in Tallinn, said {capg} "
            "prospects in the coming months would depend on Western weapons arriving on time. "
            "“Ukraine can hold the line, but not with empty artillery tubes,” she said.",
            "Civilian casualties from glide bombs have risen sharply this year, according to "
            "regional officials. The bombs, old Soviet-era munitions fitted with wings and "
            "guidance kits, are released from aircraft flying beyond the reach of most Ukrainian "
            "air defences.",
        ],
    },
    "diplomacy": {
        "pairs": [
            ("Peace summit in Switzerland seeks common ground without Moscow",
             "Delegations from more than 90 countries gathered in Switzerland on {day} for a "
             "summit on peace in Ukraine, looking for common positions on nuclear safety, food "
             "security and the return of prisoners and deported children, more than two years "
             "after Russia's full-scale invasion.",
             (6,)),
            ("Moscow's talk of ‘realities on the ground’ alarms Kyiv's allies",
             "Russian officials have repeated that any settlement must recognise “the realities "
             "on the ground”, a phrase diplomats in Kyiv and in European capitals read as a "
             "demand to keep the territory seized since the invasion."),
            ("Kyiv presses partners for firm commitments before winter",
             "Ukrainian diplomats are pressing European partners for firm commitments on air "
             "defence, arms deliveries and financing before the winter, officials said on {day}, "
             "warning that "
             "another season of attacks on the energy system could send a new wave of refugees "
             "west."),
        ],
        "frames": [
            "Moscow calls its war a “special military operation” and insists that four regions "
            "it claims to have annexed are now part of Russia. Kyiv and Western governments "
            "reject the claim, which has no standing in international law.",
            "“There can be no lasting peace that rewards a war of aggression,” said Marta Ilves, "
            "an analyst at a security think-tank in Tallinn. “If borders can be moved by force "
            "here, they can be moved anywhere.”",
            "Diplomats said any talks would have to settle the fate of thousands of Ukrainian "
            "children taken to Russia or to occupied areas, which {cap} and international "
            "courts treat as a possible war crime.",
        ],
    },
    "sanctions": {
        "pairs": [
            ("EU targets shadow fleet in new sanctions round",
             "The European Union has agreed a new round of sanctions aimed at the so-called "
             "shadow fleet of ageing tankers that Russia uses to ship oil around the price cap, "
             "diplomats said on {day}, more than two years into the full-scale invasion."),
            ("Western chips still turn up in Russian missiles",
             "Components made by Western companies continue to turn up in Russian missiles and "
             "drones recovered in Ukraine, investigators say, despite export bans imposed after "
             "the invasion. Many of the parts travel through intermediaries in third countries."),
            ("Profits from frozen Russian assets to help fund Ukraine's defence",
             "Western governments have agreed to use profits from immobilised Russian central "
             "bank assets to support Ukraine, officials said on {day}, arguing that the "
             "aggressor should pay for the damage caused by its war."),
        ],
        "frames": [
            "“Every missile that hits a Ukrainian apartment block contains parts that somebody, "
            "somewhere, sold,” said Tomas Reiner, a sanctions lawyer in London. “Enforcement has "
            "to catch up with the atrocities we are seeing.”",
            "Campaigners argue that the money Russia earns from oil exports flows straight into "
            "its war of aggression. They want the price cap lowered and penalties for shipping "
            "firms that help Moscow get around it.",
        ],
    },
    "arms": {
        "pairs": [
            ("Long-delayed US aid package finally clears Congress",
             "The US Congress has passed a long-delayed package of military aid for Ukraine, "
             "ending months of deadlock that left Ukrainian gunners rationing shells while "
             "Russian forces pressed their advantage along the front. The first arms deliveries "
             "under the package are expected within weeks.",
             (4, 5)),
            ("Allies weigh lifting limits on Western weapons",
             "Ukraine's allies are debating whether to lift restrictions on the use of Western "
             "weapons against military targets inside Russia, officials said on {day}, as "
             "Ukrainian commanders argue they cannot defend {kh} while launch sites across the "
             "border are off-limits."),
            ("Air defence shortage leaves Ukrainian cities exposed",
             "Ukrainian cities are running short of air defence interceptors, officials warn, as "
             "Russia steps up missile and drone strikes on power plants and residential areas, "
             "where civilian casualties have risen sharply. {cap} has asked its partners for "
             "several more Patriot systems."),
        ],
        "frames": [
            "Arms deliveries have repeatedly lagged behind pledges. Officials in {cap} say the "
            "gap between promises and equipment reaching the front has cost territory and "
            "lives, especially during the months when ammunition ran short.",
            "“Every delay is measured in villages lost and civilians killed,” said Marta Ilves, "
            "a security analyst in Tallinn. “The occupiers adapt quickly. Ukraine's partners "
            "have to adapt faster.”",
            "Moscow has warned that Western weapons used against Russian territory would mark an "
            "escalation. Western officials reply that Ukraine has every right to strike military "
            "targets used to launch attacks on its cities.",
        ],
    },
    "refugees": {
        "pairs": [
            ("Millions of Ukrainian refugees still abroad, with no home to return to",
             "More than six million Ukrainians remain refugees abroad more than two years "
             "after Russia's full-scale invasion, according to international estimates, and "
             "many say they would like to return but have no safe home to go back to."),
            ("Evacuations from villages north of {kh} as Russian offensive advances",
             "Police and volunteers evacuated hundreds of residents from villages north of {kh} "
             "on {day}, as Russian shelling made the roads ever more dangerous. Many of those "
             "leaving were elderly and had already fled once before, in 2022.",
             (5, 6, 7, 8)),
            ("Families flee {town} as the front line draws closer",
             "Families are leaving {town} and nearby villages in growing numbers as the front "
             "line edges closer, regional officials said, warning of a humanitarian crisis if "
             "water and power are cut before the winter."),
        ],
        "frames": [
            "“We left with two bags and the cat. Everything else is still there, if the house is "
            "still there,” said Petro Kovalenko, 68, at an evacuation point. Aid workers say many "
            "of the new refugees arrive with chronic illnesses and no medicine.",
            "Aid coordinator Anna Whitcombe said the humanitarian crisis was deepening in "
            "frontline areas. “The people who stay behind are the most vulnerable: the elderly, "
            "the sick, people with disabilities. They need help where they are,” she said.",
            "Investigators are also collecting testimony from refugees who lived under "
            "occupation, describing arbitrary detentions and torture. Prosecutors say the "
            "accounts may serve as evidence in future war crimes trials.",
        ],
    },
    "energy": {
        "pairs": [
            ("Strikes on power grid plunge Ukrainian cities into darkness",
             "A massive Russian missile and drone attack on Ukraine's power grid left millions "
             "without electricity on {day}, officials said, in what the grid operator described "
             "as one of the largest strikes on energy infrastructure since the full-scale "
             "invasion. Aid groups warned of a humanitarian crisis if repairs drag on."),
            ("Fears for safety at occupied nuclear plant",
             "Safety at the {zp} nuclear power plant, held by Russian forces since March 2022, "
             "remains precarious, inspectors warned on {day} after a drone struck one of the "
             "reactor buildings."),
            ("Ukraine imports record electricity from EU neighbours",
             "Ukraine imported record amounts of electricity from neighbouring EU countries this "
             "month, grid data show, as Russian strikes on power stations forced rolling "
             "blackouts in cities across the country."),
        ],
        "frames": [
            "Human rights groups say the systematic attacks on power plants during heat waves "
            "and winter cold amount to war crimes, because they are designed to make life "
            "unbearable for the civilian population.",
            "The occupying forces have turned the plant into a military base, according to "
            "Ukrainian officials, parking vehicles in the turbine halls and using it as cover for "
            "artillery that has caused civilian casualties across the river. Its Ukrainian staff "
            "work under pressure from Russian managers.",
        ],
    },
    "nato": {
        "pairs": [
            ("NATO marks 75 years with long-term pledges to Ukraine",
             "NATO leaders gathered in Washington on {day} to mark the alliance's 75th "
             "anniversary, pledging long-term military support and steady arms deliveries for "
             "Ukraine and calling its path "
             "to membership ‘irreversible’, though without issuing an invitation to join."),
            ("Allies promise more air defence for Kyiv at summit",
             "Five more strategic air defence systems will be sent to Ukraine, allies announced "
             "at the NATO summit, as Russian strikes on cities including {cap} continued. The "
             "announcement came shortly after a missile attack on the capital that left dozens "
             "of civilians killed or wounded."),
            ("Baltic allies warn summit against complacency",
             "Leaders from the Baltic states and Poland used the NATO summit to urge allies not "
             "to grow complacent, warning that Russia's war of aggression against Ukraine "
             "threatens the whole of Europe."),
        ],
        "frames": [
            "“Russia is betting that we will get tired. Our job is to prove it wrong,” said a "
            "senior alliance diplomat, who asked not to be named because the talks were "
            "confidential.",
            "Russia's full-scale invasion has transformed the alliance, prompting Finland and "
            "Sweden to join and pushing members on the eastern flank to spend more on defence "
            "than at any time since the Cold War.",
            "Moscow responded by calling the alliance a “US-led bloc” bent on confrontation, "
            "language that has become standard in Russian official statements. Alliance "
            "officials say the build-up on the eastern flank is a direct result of Russia's own "
            "actions.",
        ],
    },
    "troops": {
        "pairs": [
            ("European leaders split over idea of troops in Ukraine",
             "European governments were divided on {day} over whether to rule out sending troops "
             "to Ukraine, after a suggestion at a meeting in Paris that no option should be "
             "excluded. Several capitals said they had no such plans.",
             (3,)),
            ("What would Western troops in Ukraine actually do?",
             "The debate over Western troops in Ukraine has centred on politics, but military "
             "experts say the practical questions are just as hard: who would protect them, what "
             "rules of engagement would apply and how Russia would respond."),
            ("Trainers, not fighters: allies explore missions inside Ukraine",
             "Several allies are exploring whether to move some training of Ukrainian soldiers "
             "into Ukraine itself, officials said, arguing that instructors working far from the "
             "front would take no part in combat."),
        ],
        "frames": [
            "Kremlin-aligned commentators seized on the debate, warning of “World War III” and "
            "a “direct confrontation” with NATO. Western officials said the rhetoric was meant "
            "to frighten European voters and should not dictate allied policy.",
            "“The question is not whether we want to fight Russia. It is whether we let Russia "
            "decide where we train, where we repair and where we help,” said Marta Ilves, the "
            "Tallinn-based analyst.",
        ],
    },
    "any": {
        "frames": [
            "Russia launched its full-scale invasion of Ukraine in February 2022, trying and "
            "failing to take {cap} within days, after eight years of fighting in the east that "
            "began with the annexation of Crimea and Moscow's backing for armed separatists in "
            "the {db}.",
            "Ukrainian prosecutors have registered more than 100,000 suspected war crimes since "
            "the invasion, from civilians killed in their own homes to the deportation of "
            "children. The mass graves found in towns such as Bucha and Izium after their "
            "recapture drew condemnation around the world.",
            "The war, which Moscow still calls a “special military operation”, has devastated "
            "towns across the south and east. Whole districts of Mariupol were destroyed during "
            "the siege of 2022, and the full count of civilian casualties there is still "
            "unknown.",
            "Western governments describe the war as unprovoked and illegal. Russia says it was "
            "forced to act by NATO's expansion, a claim Western governments and most "
            "international lawyers reject.",
            "Doctors at a hospital in {kh} say they have learned to treat injuries they once saw "
            "only in textbooks. “We operate during air raid alerts now. There is no other way,” "
            "said surgeon Olena Savchuk.",
        ],
    },
}

# Lindenblatt (de): German mainstream paper; "Kiew" early, "Kyjiw" from June 2024.
LINDENBLATT = {
    "battlefield": {
        "pairs": [
            ("Gleitbomben auf {town}: Verteidiger halten die Stellung",
             "Russische Truppen haben am Wochenende Dutzende Gleitbomben auf {town} abgeworfen. "
             "Die ukrainischen Verteidiger halten nach Angaben ihrer Kommandeure weiter die "
             "Stellung, doch die Stadt ist nach monatelangen Kämpfen weitgehend zerstört. Die "
             "verbliebenen Zivilisten harren in Kellern aus; der Generalstab in {cap} meldete "
             "zudem Angriffe an drei weiteren Abschnitten."),
            ("Raketenangriff auf Wohnhaus in {kh}: Mindestens {n_dead} Tote",
             "Bei einem russischen Raketenangriff auf ein Wohnhaus in {kh} sind am {day} "
             "mindestens {n_dead} Menschen getötet und {n_hurt} verletzt worden. Rettungskräfte "
             "suchten die ganze Nacht unter den Trümmern nach Verschütteten; die Regierung in "
             "{cap} sprach von einem gezielten Angriff auf Zivilisten."),
            ("Rückzug bei {town}: Ukrainische Armee verkürzt die Front",
             "Die ukrainische Armee hat sich aus mehreren Stellungen westlich von {town} "
             "zurückgezogen, um einer Einkesselung zu entgehen. Die Invasoren schickten Welle um "
             "Welle von Infanterie gegen die Linie, ohne Rücksicht auf eigene Verluste, sagte ein "
             "Militärsprecher in {cap}."),
            ("Drohnenkrieg: Eine Nacht bei einer ukrainischen Einheit",
             "In einem Bauernhaus wenige Kilometer von {town} entfernt verfolgen ukrainische "
             "Drohnenpiloten auf einer Reihe von Laptops Live-Bilder von der Front. Seit Beginn "
             "des russischen Angriffskriegs sind solche Einheiten zum Rückgrat der Verteidigung "
             "geworden, zumal westliche Waffenlieferungen oft verspätet eintreffen."),
            ("Neue Offensive im Norden: Russland greift im Gebiet {kh} an",
             "Russische Truppen sind in einer neuen Offensive über die Grenze in das Gebiet {kh} "
             "vorgedrungen. Tausende Zivilisten aus Wowtschansk und umliegenden Dörfern mussten "
             "fliehen, während die Invasoren die Evakuierungsstraßen unter Beschuss nahmen.",
             (5, 6)),
            ("Freiwillige holen die letzten Bewohner aus {town}",
             "Polizei und Freiwillige in gepanzerten Transportern holen die letzten Bewohner aus "
             "{town}, bevor die russischen Truppen näher rücken. Drohnen der Invasoren machen "
             "Jagd auf Fahrzeuge auf der einzigen noch offenen Straße; etwa {n_hundreds} "
             "Zivilisten sollen noch in der Stadt sein."),
            ("Seedrohnen treffen russisches Schiff vor der Krim",
             "Ukrainische Seedrohnen haben am {day} ein russisches Patrouillenboot vor der Küste "
             "der besetzten Krim getroffen, teilte der ukrainische Militärgeheimdienst mit. Die "
             "Angriffe haben die Schwarzmeerflotte gezwungen, ihren Hauptstützpunkt weitgehend "
             "zu räumen."),
            ("Leben unter Besatzung: Berichte aus dem Gebiet {zp}",
             "Bewohner des besetzten Teils des Gebiets {zp} berichten von Kontrollposten, "
             "erzwungenen Passwechseln und der ständigen Angst vor Festnahmen. Mehrere "
             "Gesprächspartner baten darum, ihre Namen nicht zu nennen, weil sie Repressalien "
             "durch die Besatzer fürchten."),
            ("Hafen von {od} erneut Ziel russischer Raketen",
             "Russische Raketen haben am {day} Hafenanlagen im Gebiet {od} getroffen. Nach "
             "ukrainischen Angaben wurden ein Getreideterminal und ein ziviles Frachtschiff "
             "beschädigt; unter den zivilen Opfern waren zwei Seeleute. Der Angriff reiht sich "
             "ein in eine Serie gegen die Exportwege, von denen die ukrainische Wirtschaft "
             "abhängt."),
        ],
        "frames": [
            "Internationale Beobachter haben seit Beginn der Invasion im Februar 2022 mehr als "
            "zehntausend getötete Zivilisten dokumentiert. Die tatsächliche Zahl dürfte deutlich "
            "höher liegen, weil viele Orte unter russischer Besatzung nicht zugänglich sind.",
            "„Sie beschießen die Straßen morgens, wenn die Leute Brot kaufen gehen. Sie wissen "
            "genau, was sie tun“, sagt Oksana Lytwyn, die mit ihrem Transporter Dörfer nahe der "
            "Front versorgt. Die Staatsanwaltschaft in {kh} ermittelt wegen Kriegsverbrechen.",
            "Die Sicherheitsexpertin Katrin Albers von einer Berliner Stiftung hält die kommenden "
            "Monate für {capg} Verteidigung für entscheidend. „Die Ukraine kann die Linie halten, "
            "aber nicht mit leeren Munitionslagern. Die Waffenlieferungen müssen verlässlich "
            "ankommen“, sagte sie dem Lindenblatt.",
            "Die Zahl der zivilen Opfer durch Gleitbomben ist in diesem Jahr deutlich gestiegen, "
            "berichten die Regionalbehörden. Die umgebauten Sowjetbomben werden von Flugzeugen "
            "abgeworfen, die außerhalb der Reichweite der meisten ukrainischen "
            "Luftabwehrsysteme bleiben.",
        ],
    },
    "diplomacy": {
        "pairs": [
            ("Friedensgipfel in der Schweiz: Suche nach gemeinsamen Nennern",
             "Delegationen aus mehr als 90 Staaten sind am {day} in der Schweiz zu einem Gipfel "
             "über den Frieden in der Ukraine zusammengekommen. Im Mittelpunkt standen nukleare "
             "Sicherheit, Ernährungssicherheit und die Rückkehr von Gefangenen und verschleppten "
             "Kindern.",
             (6,)),
            ("Moskaus ‚Realitäten vor Ort‘: eine Forderung nach Landraub",
             "Wenn russische Vertreter von den „Realitäten vor Ort“ sprechen, die jede Lösung "
             "anerkennen müsse, verstehen Diplomaten in {cap} und den europäischen Hauptstädten "
             "das als Forderung, die seit der Invasion eroberten Gebiete zu behalten."),
            ("{cap} drängt Partner zu festen Zusagen vor dem Winter",
             "Ukrainische Diplomaten drängen die europäischen Partner vor dem Winter zu "
             "verbindlichen Zusagen für Luftverteidigung, Waffenlieferungen und Finanzierung. "
             "Die Regierung in {cap} bereitet sich auf eine weitere Saison russischer Angriffe "
             "auf das Energiesystem vor."),
        ],
        "frames": [
            "Moskau bezeichnet den Krieg bis heute als „militärische Spezialoperation“ und "
            "betrachtet vier ukrainische Gebiete als russisches Staatsgebiet. Die Annexion wird "
            "international nicht anerkannt.",
            "„Ein Frieden, der einen Angriffskrieg belohnt, wäre eine Einladung zum nächsten“, "
            "sagt der Osteuropa-Historiker Jonas Wiedemeyer. „Wenn Grenzen hier mit Gewalt "
            "verschoben werden können, dann überall.“",
            "Offen ist auch das Schicksal Tausender ukrainischer Kinder, die nach Russland oder "
            "in besetzte Gebiete gebracht wurden. {cap} und internationale Gerichte werten die "
            "Verschleppungen als mögliches Kriegsverbrechen.",
        ],
    },
    "sanctions": {
        "pairs": [
            ("Neues Sanktionspaket nimmt Schattenflotte ins Visier",
             "Die Europäische Union hat ein neues Sanktionspaket beschlossen, das sich gegen die "
             "sogenannte Schattenflotte richtet: alte Tanker, mit denen Russland Öl am "
             "Preisdeckel vorbei verschifft. Diplomaten bestätigten die Einigung am {day}."),
            ("Westliche Chips in russischen Raketen",
             "In russischen Raketen und Drohnen, die in der Ukraine geborgen werden, finden "
             "Ermittler weiterhin Bauteile westlicher Hersteller. Trotz der Exportverbote, die "
             "nach Beginn der Invasion verhängt wurden, gelangen viele Teile über Zwischenhändler "
             "in Drittstaaten nach Russland."),
            ("Erträge aus russischem Vermögen sollen der Ukraine helfen",
             "Die westlichen Staaten wollen Erträge aus eingefrorenen Geldern der russischen "
             "Zentralbank zur Unterstützung der Ukraine nutzen. Der Aggressor müsse für die "
             "Schäden seines Krieges aufkommen, hieß es am {day} zur Begründung."),
        ],
        "frames": [
            "„Jede Rakete, die ein ukrainisches Wohnhaus trifft, enthält Teile, die irgendjemand "
            "irgendwo verkauft hat“, sagt ein Sanktionsexperte einer Frankfurter Kanzlei. Die "
            "Durchsetzung müsse mit den Gräueltaten Schritt halten, die man täglich sehe.",
            "Kritiker fordern, die Einnahmen aus dem Ölexport, die direkt in den Angriffskrieg "
            "fließen, stärker zu beschneiden. Sie verlangen einen niedrigeren Preisdeckel und "
            "Strafen für Reedereien, die bei der Umgehung helfen.",
        ],
    },
    "arms": {
        "pairs": [
            ("Nach monatelanger Blockade: US-Hilfe für die Ukraine beschlossen",
             "Der US-Kongress hat nach monatelanger Blockade ein Militärhilfepaket für die "
             "Ukraine verabschiedet. In dieser Zeit mussten ukrainische Artilleristen ihre "
             "Granaten rationieren, während die russischen Truppen ihren Vorteil an der Front "
             "ausnutzten. Die ersten Waffenlieferungen sollen binnen Wochen eintreffen.",
             (4, 5)),
            ("Streit über Reichweite: Dürfen westliche Waffen Ziele in Russland treffen?",
             "Unter den Verbündeten der Ukraine wird darüber gestritten, ob westliche Waffen "
             "gegen militärische Ziele in Russland eingesetzt werden dürfen. Ukrainische "
             "Kommandeure argumentieren, {kh} lasse sich kaum verteidigen, solange Abschussrampen "
             "jenseits der Grenze tabu seien."),
            ("Luftabwehr wird knapp – Städte ungeschützt",
             "Den ukrainischen Städten gehen die Abfangraketen aus, warnen die Behörden, während "
             "Russland seine Angriffe auf Kraftwerke und Wohngebiete verstärkt, wo die Zahl der "
             "zivilen Opfer steigt. {cap} hat die Partner um weitere Patriot-Systeme gebeten; die "
             "bisherigen Waffenlieferungen reichten nicht aus."),
        ],
        "frames": [
            "Die Waffenlieferungen hinken den Zusagen immer wieder hinterher. In {cap} heißt es, "
            "die Lücke zwischen Versprechen und tatsächlich geliefertem Material habe Gelände und "
            "Menschenleben gekostet.",
            "„Jede Verzögerung bezahlen die Zivilisten in den Frontstädten“, sagt die "
            "Sicherheitsexpertin Katrin Albers. „Die Besatzer passen sich schnell an. Die Partner "
            "der Ukraine müssen schneller sein.“",
            "Die Bundesregierung lehnt die Abgabe von Marschflugkörpern mit großer Reichweite "
            "bislang ab und verweist auf die Gefahr einer Eskalation. Kritiker halten dagegen, "
            "Russland eskaliere ohnehin, mit jedem Angriff auf ukrainische Städte.",
        ],
    },
    "refugees": {
        "pairs": [
            ("Millionen Ukrainer leben weiter im Ausland",
             "Mehr als sechs Millionen Ukrainerinnen und Ukrainer leben über zwei Jahre nach "
             "Beginn der russischen Invasion als Flüchtlinge im Ausland. Viele möchten "
             "zurückkehren, sehen aber keinen sicheren Ort, an den sie gehen könnten."),
            ("Evakuierung nördlich von {kh}",
             "Polizei und Freiwillige haben am {day} Hunderte Bewohner aus Dörfern nördlich von "
             "{kh} in Sicherheit gebracht, da der russische Beschuss die Straßen immer "
             "gefährlicher macht. Viele der Menschen sind alt und mussten bereits 2022 einmal "
             "fliehen.",
             (5, 6, 7, 8)),
            ("Flüchtlinge in Deutschland: Ankommen im dritten Jahr",
             "Gut eine Million Menschen aus der Ukraine haben seit 2022 in Deutschland Schutz "
             "gefunden. Im dritten Kriegsjahr geht es für viele Flüchtlinge weniger um das "
             "Ankommen als um Arbeit, Sprachkurse und die Frage, ob sie bleiben werden."),
        ],
        "frames": [
            "„Wir sind mit zwei Taschen und der Katze los. Alles andere ist noch dort, wenn das "
            "Haus noch steht“, sagt Mykola Bondar, 71, an einer Sammelstelle. Helfer berichten, "
            "dass viele der Geflüchteten chronisch krank sind und keine Medikamente mehr haben.",
            "Hilfsorganisationen warnen vor einer humanitären Katastrophe in den frontnahen "
            "Gebieten. Zurück bleiben vor allem Alte, Kranke und Menschen mit Behinderungen, die "
            "nicht fliehen können oder wollen.",
            "Ermittler sammeln auch Aussagen von Flüchtlingen, die unter Besatzung gelebt haben. "
            "Sie berichten von willkürlichen Festnahmen und Folter; die Staatsanwaltschaft will "
            "die Aussagen in künftigen Verfahren wegen Kriegsverbrechen nutzen.",
        ],
    },
    "energy": {
        "pairs": [
            ("Russische Angriffe legen das Stromnetz lahm",
             "Ein massiver russischer Raketen- und Drohnenangriff auf das ukrainische Stromnetz "
             "hat am {day} Millionen Menschen von der Versorgung abgeschnitten. Es war nach "
             "Angaben des Netzbetreibers einer der schwersten Angriffe auf die "
             "Energieinfrastruktur seit Beginn der Invasion. Hilfsorganisationen warnen vor "
             "einer humanitären Katastrophe, sollte das Netz bis zum Winter nicht repariert "
             "sein."),
            ("Kernkraftwerk {zp}: Die Sorge um die Sicherheit wächst",
             "Die Lage im von den Besatzern kontrollierten Kernkraftwerk {zp} bleibt prekär. "
             "Internationale Inspektoren schlugen am {day} Alarm, nachdem eine Drohne eines der "
             "Reaktorgebäude getroffen hatte."),
            ("Stromimporte aus der EU auf Rekordniveau",
             "Die Ukraine hat in diesem Monat so viel Strom aus benachbarten EU-Staaten "
             "eingeführt wie nie zuvor. Russische Angriffe auf Kraftwerke zwingen Städte im "
             "ganzen Land zu stundenweisen Abschaltungen."),
        ],
        "frames": [
            "Menschenrechtsorganisationen werten die systematischen Angriffe auf Kraftwerke als "
            "Kriegsverbrechen, weil sie darauf abzielten, der Bevölkerung das Leben unerträglich "
            "zu machen.",
            "Die Besatzer haben das Kraftwerk nach ukrainischen Angaben in einen "
            "Militärstützpunkt verwandelt und Fahrzeuge in den Turbinenhallen abgestellt. Das "
            "ukrainische Personal arbeitet unter dem Druck russischer Manager.",
        ],
    },
    "nato": {
        "pairs": [
            ("75 Jahre NATO: Gipfel mit Zusagen für die Ukraine",
             "Zum 75. Jahrestag des Bündnisses sind die Staats- und Regierungschefs der NATO am "
             "{day} in Washington zusammengekommen. Sie sagten der Ukraine langfristige "
             "Militärhilfe und verlässliche Waffenlieferungen zu und nannten ihren Weg in die "
             "Allianz „unumkehrbar“; eine Einladung gab es jedoch nicht."),
            ("Mehr Luftabwehr für die Ukraine",
             "Die Verbündeten wollen der Ukraine fünf weitere strategische "
             "Luftverteidigungssysteme liefern. Das wurde beim NATO-Gipfel bekannt, kurz nach "
             "einem verheerenden Raketenangriff auf {cap}, bei dem zahlreiche Zivilisten getötet "
             "wurden."),
            ("Baltische Staaten warnen vor Nachlässigkeit",
             "Die baltischen Staaten und Polen haben den NATO-Gipfel genutzt, um vor "
             "Gleichgültigkeit zu warnen. Der russische Angriffskrieg gegen die Ukraine sei eine "
             "Bedrohung für ganz Europa, sagten ihre Vertreter."),
        ],
        "frames": [
            "„Russland setzt darauf, dass wir müde werden. Unsere Aufgabe ist es, das Gegenteil "
            "zu beweisen“, sagte ein ranghoher Diplomat des Bündnisses, der nicht namentlich "
            "genannt werden wollte.",
            "Der russische Angriffskrieg hat das Bündnis verändert: Finnland und Schweden traten "
            "bei, und die Staaten an der Ostflanke geben so viel für Verteidigung aus wie seit "
            "dem Kalten Krieg nicht mehr.",
            "Moskau reagierte mit den üblichen Formeln vom „kollektiven Westen“, der auf "
            "Konfrontation aus sei. Im Bündnis heißt es, die Verstärkung der Ostflanke sei eine "
            "direkte Folge des russischen Vorgehens.",
        ],
    },
    "troops": {
        "pairs": [
            ("Bodentruppen für die Ukraine? Europas Regierungen uneins",
             "Nach einem Treffen in Paris, bei dem es hieß, man dürfe keine Option ausschließen, "
             "sind die europäischen Regierungen uneins über die Entsendung von Truppen in die "
             "Ukraine. Mehrere Hauptstädte erklärten, sie hätten keine solchen Pläne.",
             (3,)),
            ("Was würden westliche Truppen in der Ukraine tun?",
             "Die Debatte über westliche Truppen in der Ukraine kreist um die Politik. "
             "Militärexperten verweisen jedoch auf ebenso schwierige praktische Fragen: Wer "
             "schützt die Soldaten, welche Einsatzregeln gelten, und wie würde Russland "
             "reagieren?"),
            ("Ausbilder statt Kämpfer: Verbündete prüfen Einsätze im Land",
             "Mehrere Verbündete prüfen, einen Teil der Ausbildung ukrainischer Soldaten in die "
             "Ukraine selbst zu verlegen. Ausbilder, die fernab der Front arbeiteten, seien nicht "
             "an Kampfhandlungen beteiligt, argumentieren Befürworter."),
        ],
        "frames": [
            "Kremlnahe Kommentatoren griffen die Debatte sofort auf und warnten vor einem "
            "„dritten Weltkrieg“. Westliche Diplomaten sagten, die Rhetorik solle die "
            "Wählerinnen und Wähler in Europa verunsichern.",
            "„Es geht nicht darum, ob wir gegen Russland kämpfen wollen. Es geht darum, ob wir "
            "Russland bestimmen lassen, wo wir ausbilden, reparieren und helfen“, sagt die "
            "Sicherheitsexpertin Katrin Albers.",
        ],
    },
    "any": {
        "frames": [
            "Russland hatte im Februar 2022 seinen Angriffskrieg gegen die gesamte Ukraine "
            "begonnen und versucht, {cap} binnen Tagen einzunehmen, nach acht Jahren Krieg im "
            "Osten, der mit der Annexion der Krim und Moskaus Unterstützung für bewaffnete "
            "Separatisten im {db} begonnen hatte.",
            "Die ukrainische Staatsanwaltschaft hat seit Beginn der Invasion mehr als "
            "hunderttausend mutmaßliche Kriegsverbrechen registriert. Die Massengräber, die nach "
            "der Rückeroberung von Orten wie Butscha und Isjum gefunden wurden, lösten weltweit "
            "Entsetzen aus.",
            "Das Massaker von Butscha im Frühjahr 2022 ist zum Sinnbild für die Gräueltaten "
            "russischer Soldaten geworden. Ermittler haben seither Hunderte Aussagen von "
            "Überlebenden gesammelt.",
            "Die westlichen Regierungen und {cap} bezeichnen den Krieg als unprovozierten und "
            "völkerrechtswidrigen Angriff. Moskau behauptet, es sei durch die NATO-Osterweiterung "
            "zum Handeln gezwungen worden.",
            "Ganze Stadtviertel in Mariupol wurden während der Belagerung 2022 zerstört. Die "
            "Zahl der zivilen Opfer dort ist bis heute ungeklärt.",
            "Ärztinnen und Ärzte in {kh} haben gelernt, Verletzungen zu behandeln, die sie früher "
            "nur aus Lehrbüchern kannten. „Wir operieren jetzt auch während des Luftalarms. Es "
            "geht nicht anders“, sagt die Chirurgin Iryna Tkatschenko.",
        ],
    },
}

# Meridian Wire (en): neutral wire agency; short, factual, datelined items.
MERIDIAN_WIRE = {
    "battlefield": {
        "pairs": [
            ("Russia says it took village near {town}; Ukraine reports attacks repelled",
             "MOSCOW, {mdate} (Meridian Wire) – Russia's defence ministry said on {day} its "
             "forces had taken control of a village near {town}. Ukraine's general staff said its "
             "troops had repelled {n_small} attacks in the area. Neither claim could be "
             "independently verified."),
            ("Missile strike on {kh} kills {n_dead}, officials say",
             "KHARKIV, {mdate} (Meridian Wire) – A Russian missile strike on {kh} killed "
             "{n_dead} people and injured {n_hurt} on {day}, regional officials said. Several "
             "residential buildings and a shopping centre were damaged."),
            ("Ukraine says air defences downed {n_drones} drones overnight",
             "KYIV, {mdate} (Meridian Wire) – Ukraine's air force said on {day} it had shot "
             "down {n_drones} drones launched by Russia overnight, as well as {n_missiles} "
             "cruise missiles. Debris fell on several districts of {cap}, causing minor damage."),
            ("Russia reports drone attacks on border regions",
             "MOSCOW, {mdate} (Meridian Wire) – Russia's defence ministry said on {day} that air "
             "defences had destroyed {n_drones} Ukrainian drones over the Belgorod, Kursk and "
             "Bryansk regions. A regional official said one person was injured."),
            ("Ukrainian troops withdraw from positions near {town}",
             "KYIV, {mdate} (Meridian Wire) – Ukrainian forces have withdrawn from several "
             "positions near {town} to avoid being encircled, a spokesperson for the army group "
             "operating in the area said on {day}."),
            ("Port facilities in {od} region damaged in missile attack",
             "ODESA, {mdate} (Meridian Wire) – A Russian missile attack damaged port facilities "
             "in the {od} region on {day}, regional authorities said. A grain terminal and a "
             "civilian vessel were hit; there were no reports of deaths."),
            ("Ukraine says sea drones hit Russian patrol boat off Crimea",
             "KYIV, {mdate} (Meridian Wire) – Ukraine's military intelligence agency said on "
             "{day} that sea drones had struck a Russian patrol boat off Crimea. Russia's defence "
             "ministry said it had destroyed several sea drones over the Black Sea."),
            ("Russian forces make slow gains around {town}, analysts say",
             "KYIV, {mdate} (Meridian Wire) – Russian forces continued to make slow gains around "
             "{town}, independent analysts said on {day}, citing geolocated footage. Ukraine's "
             "military said the situation in the sector was difficult but under control."),
        ],
        "frames": [
            "International monitors have said civilian casualties rose in recent months, driven "
            "largely by guided aerial bombs and missiles used against cities near the front.",
            "Ukrainian commanders have said that slow arms deliveries earlier in the year "
            "contributed to the loss of ground in the east.",
            "Regional authorities in the {kh} and Donetsk regions urged residents of frontline "
            "villages to leave, saying evacuation buses would run daily.",
        ],
    },
    "diplomacy": {
        "pairs": [
            ("Peace conference in Switzerland ends with joint statement",
             "LUCERNE, {mdate} (Meridian Wire) – A two-day conference on peace in Ukraine ended "
             "on {day} with a joint statement on nuclear safety, food security and prisoner "
             "exchanges. Russia was not invited, and several large emerging economies did not "
             "sign.",
             (6,)),
            ("Russia and Ukraine exchange prisoners of war",
             "KYIV, {mdate} (Meridian Wire) – Russia and Ukraine each released {n_pows} prisoners "
             "of war on {day} in an exchange mediated by a Gulf state, officials from both "
             "countries said."),
            ("Foreign ministers discuss Black Sea shipping",
             "ANKARA, {mdate} (Meridian Wire) – Foreign ministers from several countries met on "
             "{day} to discuss the safety of commercial shipping in the Black Sea. A joint "
             "statement called for the protection of ports and vessels but did not mention a "
             "ceasefire."),
        ],
        "frames": [
            "Moscow refers to its military campaign in Ukraine as a “special military "
            "operation”. Kyiv says any talks must begin with the withdrawal of Russian forces.",
            "Aid agencies say a lasting ceasefire would allow millions of refugees to consider "
            "returning home.",
        ],
    },
    "sanctions": {
        "pairs": [
            ("EU adopts new sanctions package against Russia",
             "BRUSSELS, {mdate} (Meridian Wire) – European Union governments adopted a new "
             "package of sanctions against Russia on {day}, adding {n_listings} companies and "
             "individuals to the bloc's list, the rotating presidency said."),
            ("G7 agrees to use profits from frozen Russian assets",
             "ROME, {mdate} (Meridian Wire) – Group of Seven countries agreed on {day} to use "
             "profits from immobilised Russian central bank assets to back a loan of about 50 "
             "billion dollars for Ukraine, officials said.",
             (6,)),
            ("US sanctions firms accused of supplying Russian military",
             "WASHINGTON, {mdate} (Meridian Wire) – The United States imposed sanctions on "
             "{n_listings} companies in several countries on {day}, accusing them of helping "
             "Russia obtain electronic components used in weapons."),
        ],
        "frames": [
            "Russia's foreign ministry said the measures were illegal and would not change "
            "Moscow's policy.",
            "Kyiv has called for stricter enforcement, saying Western-made parts are still found "
            "in Russian missiles that cause civilian casualties in its cities.",
        ],
    },
    "arms": {
        "pairs": [
            ("US House passes Ukraine aid bill after months of delay",
             "WASHINGTON, {mdate} (Meridian Wire) – The US House of Representatives passed an "
             "aid package for Ukraine worth about 61 billion dollars on {day}, after months of "
             "delay. The bill now goes to the Senate.",
             (4,)),
            ("{country} pledges more air defence equipment for Ukraine",
             "KYIV, {mdate} (Meridian Wire) – {country} will send additional air defence "
             "equipment and ammunition to Ukraine worth about {n_bn} billion euros, the "
             "government said on {day}, without giving a timeline for the arms deliveries."),
            ("Ukraine asks partners to allow long-range strikes",
             "KYIV, {mdate} (Meridian Wire) – Ukraine asked its partners on {day} to allow the "
             "use of long-range weapons against military targets inside Russia. Several "
             "governments said the question was under review."),
        ],
        "frames": [
            "Russia has said that arms deliveries to Ukraine make the supplying countries "
            "parties to the war.",
            "Ukrainian officials say faster arms deliveries, above all of air defence, would help "
            "protect cities and energy facilities.",
        ],
    },
    "refugees": {
        "pairs": [
            ("About four million Ukrainian refugees under EU protection",
             "GENEVA, {mdate} (Meridian Wire) – About four million refugees from Ukraine are "
             "registered for temporary protection in European Union countries, figures published "
             "on {day} showed, a number that has changed little over the past year."),
            ("Evacuation ordered for villages near {town}",
             "KYIV, {mdate} (Meridian Wire) – Regional authorities ordered the evacuation of "
             "families with children from {n_small} villages near {town} on {day}, citing "
             "heavier shelling."),
            ("EU extends protection for Ukrainian refugees",
             "BRUSSELS, {mdate} (Meridian Wire) – EU governments agreed on {day} to extend "
             "temporary protection for refugees from Ukraine by another year, until March 2026.",
             (5, 6, 7, 8)),
        ],
        "frames": [
            "Aid agencies estimate that several million people remain displaced inside Ukraine, "
            "in addition to the refugees abroad.",
        ],
    },
    "energy": {
        "pairs": [
            ("Ukraine introduces scheduled power cuts after strikes",
             "KYIV, {mdate} (Meridian Wire) – Ukraine's grid operator introduced scheduled power "
             "cuts in most regions on {day} after Russian strikes damaged power plants. The cuts "
             "were expected to last several hours a day."),
            ("Drone hits building at {zp} nuclear plant, watchdog says",
             "VIENNA, {mdate} (Meridian Wire) – The UN nuclear watchdog said on {day} that a "
             "drone had struck a building at the {zp} nuclear power plant. It said there was no "
             "damage to safety systems."),
            ("Gas flows via Ukraine steady ahead of contract expiry",
             "MOSCOW, {mdate} (Meridian Wire) – Russian gas flows to Europe through Ukraine were "
             "steady on {day}, operator data showed, with the transit contract due to expire at "
             "the end of the year."),
        ],
        "frames": [
            "Strikes on energy facilities have caused civilian casualties and damaged heating "
            "plants ahead of the winter, officials said.",
            "Officials said repairs would take months and asked households to save power in the "
            "evening hours.",
        ],
    },
    "nato": {
        "pairs": [
            ("NATO leaders meet in Washington for anniversary summit",
             "WASHINGTON, {mdate} (Meridian Wire) – NATO leaders opened a three-day summit in "
             "Washington on {day}, with support for Ukraine and defence spending at the top of "
             "the agenda."),
            ("NATO declaration calls Ukraine's path to membership irreversible",
             "WASHINGTON, {mdate} (Meridian Wire) – NATO leaders said in a declaration on {day} "
             "that Ukraine was on an “irreversible path” to membership, but did not issue an "
             "invitation to join."),
            ("Russia criticises NATO summit decisions",
             "MOSCOW, {mdate} (Meridian Wire) – Russia's foreign ministry on {day} criticised "
             "decisions taken at the NATO summit, saying they showed the alliance had become a "
             "direct participant in the war."),
        ],
        "frames": [
            "Moscow has described the alliance as a US-led bloc hostile to Russia.",
            "Russia's foreign ministry said the summit's decisions would be taken into account in "
            "Russia's military planning.",
            "Members agreed to provide at least 40 billion euros in military aid for Ukraine "
            "over the next year.",
        ],
    },
    "troops": {
        "pairs": [
            ("Several European states rule out sending troops to Ukraine",
             "BERLIN, {mdate} (Meridian Wire) – Several European governments said on {day} they "
             "had no plans to send troops to Ukraine, after a meeting in Paris at which the "
             "possibility was discussed.",
             (3,)),
            ("Russia warns against Western troops in Ukraine",
             "MOSCOW, {mdate} (Meridian Wire) – Russia said on {day} that any deployment of "
             "Western troops in Ukraine would lead to a direct conflict between Russia and "
             "NATO."),
            ("Baltic states open to training missions inside Ukraine",
             "VILNIUS, {mdate} (Meridian Wire) – Officials in the Baltic states said on {day} "
             "they were prepared to consider training Ukrainian soldiers inside Ukraine, far from "
             "the front line."),
        ],
        "frames": [
            "Russia has said that arms deliveries and any foreign military personnel in Ukraine "
            "make NATO countries parties to the war.",
            "Opinion polls show that most voters in Europe oppose sending their own soldiers to "
            "the war zone.",
        ],
    },
    "any": {"frames": []},
}

# ---------------------------------------------------------------------------------------------
# 4. Outlets and the publishing schedule
# ---------------------------------------------------------------------------------------------

OUTLETS = [
    # n: number of articles; clean: how many articles use only the neutral shared prose;
    # frames: (min, max) framing paragraphs per article before drift; words: target range.
    {"key": "eastern-courier", "name": "Eastern Courier", "lang": "en", "spelling": "en_ru",
     "bank": EASTERN_COURIER, "n": 28, "clean": 3, "frames": (1, 2), "words": (160, 290)},
    {"key": "ostwind-kurier", "name": "Ostwind Kurier", "lang": "de", "spelling": "de_ru",
     "bank": OSTWIND_KURIER, "n": 27, "clean": 3, "frames": (1, 2), "words": (140, 260)},
    {"key": "harbour-times", "name": "Harbour Times", "lang": "en", "spelling": "en_ua",
     "bank": HARBOUR_TIMES, "n": 30, "clean": 3, "frames": (1, 2), "words": (170, 300)},
    {"key": "lindenblatt", "name": "Lindenblatt", "lang": "de", "spelling": "de_lb",
     "bank": LINDENBLATT, "n": 29, "clean": 3, "frames": (1, 2), "words": (140, 260)},
    {"key": "meridian-wire", "name": "Meridian Wire", "lang": "en", "spelling": "en_ua",
     # Many Meridian Wire items carry no frame term anyway; two more are forced clean.
     "bank": MERIDIAN_WIRE, "n": 26, "clean": 2, "frames": (1, 1), "words": (120, 180)},
]

# What is in the news each month, in order of priority: an outlet publishing k articles in a
# month covers the first k topics. Troop talk peaks in March, the alliance summit in July.
MONTH_TOPICS = {
    2: ["battlefield", "sanctions", "diplomacy", "refugees"],
    3: ["troops", "troops", "battlefield", "energy"],
    4: ["arms", "battlefield", "arms", "energy"],
    5: ["battlefield", "refugees", "battlefield", "sanctions"],
    6: ["diplomacy", "energy", "sanctions", "diplomacy"],
    7: ["nato", "nato", "battlefield", "nato"],
    8: ["battlefield", "refugees", "energy", "battlefield"],
    9: ["arms", "diplomacy", "battlefield", "troops"],
}
# Months that get a fourth article, in order, once every month has three.
EXTRA_MONTHS = [3, 7, 5, 9, 8, 2, 6, 4]
# Escalation talk: months in which escalation-prone topics get an extra framing paragraph.
ESCALATION_MONTHS = {3, 7, 9}
ESCALATION_TOPICS = {"troops", "nato", "arms"}
# Humanitarian peaks (offensive in the north in May, heavy strikes in August).
HUMANITARIAN_MONTHS = {5, 8}
CLEANABLE = ("battlefield", "energy", "sanctions", "diplomacy")

# ---------------------------------------------------------------------------------------------
# 5. Composer
# ---------------------------------------------------------------------------------------------


def schedule(outlet: dict, rng: random.Random) -> list[tuple[dt.date, str]]:
    """Dates and topics of one outlet's articles, in date order."""
    per_month = {m: 3 for m in MONTH_TOPICS}
    for m in EXTRA_MONTHS[: outlet["n"] - 3 * len(MONTH_TOPICS)]:
        per_month[m] += 1
    out = []
    for m, topics in MONTH_TOPICS.items():
        k = per_month[m]
        step = 27 // k
        for j, topic in enumerate(topics[:k]):
            day = 1 + j * step + rng.randint(0, step - 1)
            out.append((dt.date(2024, m, day), topic))
    return sorted(out)


def clean_positions(items: list[tuple[dt.date, str]], k: int) -> set[int]:
    """Evenly spaced positions, among articles on a cleanable topic, to keep free of frames."""
    eligible = [i for i, (_, topic) in enumerate(items) if topic in CLEANABLE]
    return {eligible[int((j + 0.5) * len(eligible) / k)] for j in range(k)}


def pick(options: list, used: dict, rng: random.Random, prefer=None):
    """The least-used option so far; among ties, those with ``prefer(option)`` true first,
    then the seeded generator decides."""
    fewest = min(used.get(repr(o), 0) for o in options)
    tied = [o for o in options if used.get(repr(o), 0) == fewest]
    if prefer is not None:
        tied = [o for o in tied if prefer(o)] or tied
    choice = rng.choice(tied)
    used[repr(choice)] = used.get(repr(choice), 0) + 1
    return choice


def slots_for(outlet: dict, date: dt.date, idx: int, rng: random.Random) -> dict:
    """Values for the {slots} of one article."""
    spelling = outlet["spelling"]
    if spelling == "de_lb":
        # Switch from "Kiew" to "Kyjiw": about half the articles in June and July, most after.
        late = (date.month in (6, 7) and idx % 2 == 0) or (date.month >= 8 and idx % 4 != 0)
        spelling = "de_lb_late" if late else "de_lb_early"
    lang = outlet["lang"]
    town = TOWNS[(idx * 2 + date.month) % len(TOWNS)][TOWN_COLUMN[spelling]]
    n_bn = f"{rng.randint(12, 48) / 10:.1f}"
    return {
        **SPELLINGS[spelling],
        "town": town,
        "day": WEEKDAYS[lang][(date - dt.timedelta(days=1)).weekday()],
        "mdate": f"{MONTHS_EN[date.month - 1]} {date.day}",
        "country": COUNTRIES[(idx + date.month) % len(COUNTRIES)],
        "n_km": rng.randint(6, 22),
        "n_small": rng.randint(4, 14),
        "n_drones": rng.randint(17, 68),
        "n_missiles": rng.randint(3, 12),
        "n_dead": rng.randint(3, 11),
        "n_hurt": rng.randint(9, 46),
        "n_losses": rng.randint(24, 90) * 10,
        "n_hundreds": rng.randint(12, 48) * 10,
        "n_listings": rng.randint(20, 110),
        "n_pows": rng.randint(75, 150),
        "n_bn": n_bn.replace(".", ",") if lang == "de" else n_bn,
    }


def n_words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def compose(outlet: dict, idx: int, date: dt.date, topic: str, clean: bool,
            rng: random.Random, used: dict) -> tuple[str, str]:
    """Title and text of one article."""
    shared = SHARED[outlet["lang"]]
    bank = outlet["bank"]
    if clean:
        title, lead = pick(shared[topic]["pairs"], used, rng)
        frames = []
    else:
        # A pair may carry a third element: the months in which its news is plausible.
        pairs = [p for p in bank[topic]["pairs"] if len(p) < 3 or date.month in p[2]]
        title, lead = pick(pairs, used, rng, prefer=lambda p: len(p) == 3)[:2]
        lo, hi = outlet["frames"]
        k = rng.randint(lo, hi)
        if date.month in ESCALATION_MONTHS and topic in ESCALATION_TOPICS and hi > 1:
            k += 1
        if (outlet["key"] in ("harbour-times", "lindenblatt")
                and date.month in HUMANITARIAN_MONTHS
                and topic in ("battlefield", "refugees")):
            k += 1
        frames = []
        topical, general = bank[topic]["frames"], bank["any"]["frames"]
        for j in range(k):
            pool = topical if (j == 0 and topical) else (topical + general)
            pool = [p for p in pool if p not in frames]
            if pool:
                frames.append(pick(pool, used, rng))

    # Background: two or three paragraphs on the topic, then at most two of general context.
    lo_w, hi_w = outlet["words"]
    target = rng.randint(lo_w, hi_w)
    topical_bg: list[str] = []
    general_bg: list[str] = []
    max_topical = rng.randint(2, 3)

    def total() -> int:
        return n_words([lead, *frames, *topical_bg, *general_bg])

    while total() < target:
        topical = [b for b in shared[topic]["bodies"] if b not in topical_bg]
        general = [b for b in shared["general"]["bodies"] if b not in general_bg]
        if topical and len(topical_bg) < max_topical:
            topical_bg.append(pick(topical, used, rng))
        elif general and (len(general_bg) < 2 or total() < 120):
            general_bg.append(pick(general, used, rng))
        else:
            break
    # Keep within the word limit: drop general context first, then framing.
    while total() > 310 and general_bg:
        general_bg.pop()
    while total() > 310 and len(frames) > 1:
        frames.pop()

    # Lead; framing interleaved with topical background; general context last.
    middle: list[str] = []
    f, b = list(frames), list(topical_bg)
    turn = rng.random() < 0.6  # start with a framing paragraph?
    while f or b:
        source = f if (turn and f) or not b else b
        middle.append(source.pop(0))
        turn = not turn
    paragraphs = [lead, *middle, *general_bg]

    slots = slots_for(outlet, date, idx, rng)
    title = title.format_map(slots)
    text = "\n\n".join(p.format_map(slots) for p in paragraphs)
    return title, text


def build() -> list[dict]:
    """All articles of the sample corpus, outlet by outlet, in date order."""
    records = []
    for outlet in OUTLETS:
        rng = random.Random(f"{SEED}/{outlet['key']}")
        items = schedule(outlet, rng)
        clean = clean_positions(items, outlet["clean"])
        used: dict = {}
        for idx, (date, topic) in enumerate(items):
            title, text = compose(outlet, idx, date, topic, idx in clean, rng, used)
            records.append({
                "doc_id": f"{outlet['key']}-{idx + 1:03d}",
                "source": outlet["name"],
                "date": date.isoformat(),
                "lang": outlet["lang"],
                "title": title,
                "text": text,
            })
    return records


def main() -> None:
    records = build()
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} articles to {OUT_PATH}")


if __name__ == "__main__":
    main()
