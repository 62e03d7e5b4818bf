import GazetteCore
import Relations
import Testing

/// Every relation type and sentence pattern of issue 7, each with negative cases. Texts are
/// written for the tests (not taken from the gold corpus).
@Suite("Relation patterns")
struct RelationPatternTests {
    static let titles: [PatternCase] = [
        PatternCase(
            "title before name, with a country premodifier",
            "[[U.S.|LOCATION/country|United States|iso3166:US]] [[Commerce Secretary|TITLE/political]] [[Gina Raimondo|PERSON]] spoke.",
            expect: ["has_title person=Gina Raimondo title=Commerce Secretary of=U.S."]),
        PatternCase(
            "nationality + title + name gives has_title(of=nationality) and nationality",
            "[[Ukrainian|NATIONALITY|Ukraine|iso3166:UA]] [[President|TITLE/political]] [[Volodymyr Zelenskiy|PERSON]] urged allies to act.",
            expect: [
                "has_title person=Volodymyr Zelenskiy title=President of=Ukrainian",
                "nationality person=Volodymyr Zelenskiy nationality=Ukrainian",
            ]),
        PatternCase(
            "rank before name has no of",
            "[[France|LOCATION/country|France|iso3166:FR]] said [[Gen.|TITLE/military|General]] [[Pierre Schill|PERSON]] would travel.",
            expect: ["has_title person=Pierre Schill title=Gen."],
            forbid: ["has_title person=Pierre Schill title=Gen. of=France"]),
        PatternCase(
            "a reigning monarch's title has an of; another royal title does not",
            "[[Jordan|LOCATION/country|Jordan|iso3166:JO]]’s [[King|TITLE/royal]] [[Abdullah II|PERSON]] met [[Britain|LOCATION/country|United Kingdom|iso3166:GB]]’s [[Prince|TITLE/royal]] [[William|PERSON]].",
            expect: ["has_title person=Abdullah II title=King of=Jordan", "has_title person=William title=Prince"],
            forbid: ["has_title person=William title=Prince of=Britain"]),
        PatternCase(
            "apposition: title of organisation",
            "[[Joseph Votel|PERSON]], [[commander|TITLE/military]] of [[U.S. Central Command|ORGANIZATION/military]], testified.",
            expect: ["has_title person=Joseph Votel title=commander of=U.S. Central Command"]),
        PatternCase(
            "possessive owner before the title",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]]’s [[defence minister|TITLE/political]] [[Andrei Belousov|PERSON]] arrived.",
            expect: ["has_title person=Andrei Belousov title=defence minister of=Russia"]),
        PatternCase(
            "apposition with possessive owner",
            "[[Mark Carney|PERSON]], the [[Bank of England|ORGANIZATION/government]]’s [[governor|TITLE/civil]], spoke.",
            expect: ["has_title person=Mark Carney title=governor of=Bank of England"]),
        PatternCase(
            "apposition with a former nationality title",
            "[[Jean Dupont|PERSON]], a former [[French|NATIONALITY|France|iso3166:FR]] [[prime minister|TITLE/political]], died.",
            expect: [
                "has_title person=Jean Dupont title=prime minister of=French",
                "nationality person=Jean Dupont nationality=French",
            ]),
        PatternCase(
            "an office's government is the main-clause subject, not one inside a that-clause",
            "The [[U.S.|LOCATION/country|United States|iso3166:US]] announced evidence that [[North Korea|LOCATION/country|North Korea|iso3166:KP]] has sent troops. [[Defense Secretary|TITLE/political]] [[Lloyd Austin|PERSON]] spoke.",
            expect: ["has_title person=Lloyd Austin title=Defense Secretary of=U.S."],
            forbid: ["has_title person=Lloyd Austin title=Defense Secretary of=North Korea"]),
        PatternCase(
            "a subject after a subordinating conjunction is skipped even with a determiner",
            "[[France|LOCATION/country|France|iso3166:FR]] confirmed because the [[EU|ORGANIZATION/international]] asked. [[Foreign Minister|TITLE/political]] [[Jean Dupont|PERSON]] left.",
            expect: ["has_title person=Jean Dupont title=Foreign Minister of=France"],
            forbid: ["has_title person=Jean Dupont title=Foreign Minister of=EU"]),
        PatternCase(
            "an office's government is not taken across a paragraph break",
            "The [[U.S.|LOCATION/country|United States|iso3166:US]] announced new aid.\n[[Defense Secretary|TITLE/political]] [[Lloyd Austin|PERSON]] spoke.",
            expect: ["has_title person=Lloyd Austin title=Defense Secretary"],
            forbid: ["has_title person=Lloyd Austin title=Defense Secretary of=U.S."]),
        PatternCase(
            "a subject followed by its acronym in parentheses still owns a later office",
            "The [[World Health Organization|ORGANIZATION/international]] ([[WHO|ORGANIZATION/international]]) warned of heat deaths. [[Director-General|TITLE/political]] [[Tedros Adhanom|PERSON]] spoke.",
            expect: ["has_title person=Tedros Adhanom title=Director-General of=WHO"]),
        PatternCase(
            "an abbreviated title takes no government from the paragraph",
            "[[China|LOCATION/country|China|iso3166:CN]] is planning a collider. [[Dr.|TITLE/civil]] [[Wang Yifang|PERSON]] leads the work.",
            expect: ["has_title person=Wang Yifang title=Dr."],
            forbid: ["has_title person=Wang Yifang title=Dr. of=China"]),
        PatternCase(
            "an abbreviated title keeps an owner written next to it",
            "[[Georgia|LOCATION/region]] [[Gov.|TITLE/political]] [[Brian Kemp|PERSON]] signed the bill.",
            expect: ["has_title person=Brian Kemp title=Gov. of=Georgia"]),
        PatternCase(
            "a regional office does not belong to a country named earlier",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] launched drones at [[Kharkiv|LOCATION/city]], regional [[governor|TITLE/political]] [[Oleh Syniehubov|PERSON]] said.",
            expect: ["has_title person=Oleh Syniehubov title=governor"],
            forbid: ["has_title person=Oleh Syniehubov title=governor of=Russia"]),
        PatternCase(
            "an organisation's acronym in parentheses before the title is its owner",
            "The [[Central Intelligence Agency|ORGANIZATION/government]] ([[CIA|ORGANIZATION/government]]) [[Director|TITLE/political]] [[John Ratcliffe|PERSON]] said so.",
            expect: ["has_title person=John Ratcliffe title=Director of=CIA"]),
        PatternCase(
            "a sub-national office written as one title takes no country from the paragraph",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] launched drones at [[Kharkiv|LOCATION/city]], [[regional governor|TITLE/political]] [[Oleh Syniehubov|PERSON]] said.",
            expect: ["has_title person=Oleh Syniehubov title=regional governor"],
            forbid: ["has_title person=Oleh Syniehubov title=regional governor of=Russia"]),
        PatternCase(
            "a political office takes no armed group from the paragraph",
            "[[Al-Qaeda|ORGANIZATION/armed_group]] claimed the attack. [[Senator|TITLE/political]] [[Lindsey Graham|PERSON]] spoke.",
            expect: ["has_title person=Lindsey Graham title=Senator"],
            forbid: ["has_title person=Lindsey Graham title=Senator of=Al-Qaeda"]),
        PatternCase(
            "a civil office may belong to an armed group named before it",
            "[[Hamas|ORGANIZATION/armed_group]] confirmed the talks. [[spokesman|TITLE/civil]] [[Hazem Qassem|PERSON]] spoke.",
            expect: ["has_title person=Hazem Qassem title=spokesman of=Hamas"]),
        PatternCase(
            "a party before the title is an affiliation, not the office's owner",
            "[[Republican|ORGANIZATION/political_party]] [[Senator|TITLE/political]] [[Lindsey Graham|PERSON]] spoke.",
            expect: ["affiliated_with member=Lindsey Graham group=Republican", "has_title person=Lindsey Graham title=Senator"],
            forbid: ["has_title person=Lindsey Graham title=Senator of=Republican"]),
        PatternCase(
            "a title far from any name is not linked",
            "The [[President|TITLE/political]] left early. Later, [[John Smith|PERSON]] arrived.",
            forbid: ["has_title person=John Smith title=President"]),
    ]

    static let affiliations: [PatternCase] = [
        PatternCase(
            "head of organisation in apposition",
            "[[Anna Berg|PERSON]], head of [[Interpol|ORGANIZATION/international]], spoke.",
            expect: ["member_of member=Anna Berg group=Interpol"]),
        PatternCase(
            "person of organisation and possessive member",
            "[[Lewis Hamilton|PERSON]] of [[Ferrari|ORGANIZATION/other]] beat [[McLaren|ORGANIZATION/other]]’s [[Lando Norris|PERSON]].",
            expect: [
                "member_of member=Lewis Hamilton group=Ferrari",
                "member_of member=Lando Norris group=McLaren",
            ]),
        PatternCase(
            "unit of a state by possessive",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]]’s [[Black Sea Fleet|ORGANIZATION/military]] withdrew.",
            expect: ["member_of member=Black Sea Fleet group=Russia"]),
        PatternCase(
            "state in an international organisation",
            "[[Norway|LOCATION/country|Norway|iso3166:NO]], a [[NATO|ORGANIZATION/international]] member, agreed.",
            expect: ["member_of member=Norway group=NATO"]),
        PatternCase(
            "includes list",
            "The [[Quad|ORGANIZATION/international]], a grouping that includes [[Japan|LOCATION/country|Japan|iso3166:JP]] and [[India|LOCATION/country|India|iso3166:IN]], met.",
            expect: ["member_of member=Japan group=Quad", "member_of member=India group=Quad"]),
        PatternCase(
            "party affiliation",
            "[[Ron DeSantis|PERSON]], a [[Republican|ORGANIZATION/political_party|Republican Party]], vetoed it.",
            expect: ["affiliated_with member=Ron DeSantis group=Republican"]),
        PatternCase(
            "affiliate apposition",
            "[[ISWAP|ORGANIZATION/military]], an [[Islamic State|ORGANIZATION/military]] affiliate, claimed it.",
            expect: ["affiliated_with member=ISWAP group=Islamic State"]),
        PatternCase(
            "an acronym in parentheses takes the apposition after it",
            "The [[Jama’at Nusrat al-Islam wal-Muslimin|ORGANIZATION/military]] ([[JNIM|ORGANIZATION/military]]), an [[al-Qaeda|ORGANIZATION/military]] affiliate, attacked troops.",
            expect: ["affiliated_with member=JNIM group=al-Qaeda"],
            forbid: ["affiliated_with member=Jama’at Nusrat al-Islam wal-Muslimin group=al-Qaeda"]),
        PatternCase(
            "coordinated subjects join an organisation",
            "[[Finland|LOCATION/country|Finland|iso3166:FI]] and [[Sweden|LOCATION/country|Sweden|iso3166:SE]] joined [[NATO|ORGANIZATION/international]] last year.",
            expect: ["member_of member=Finland group=NATO", "member_of member=Sweden group=NATO"]),
        PatternCase(
            "a coordinated verb phrase takes the sentence's subject list, not the previous object",
            "[[Mali|LOCATION/country|Mali|iso3166:ML]], [[Niger|LOCATION/country|Niger|iso3166:NE]] and [[Chad|LOCATION/country|Chad|iso3166:TD]] left [[ECOWAS|ORGANIZATION/international]] this year and formed the [[Sahel Alliance|ORGANIZATION/international]].",
            expect: [
                "member_of member=Mali group=Sahel Alliance",
                "member_of member=Niger group=Sahel Alliance",
                "member_of member=Chad group=Sahel Alliance",
            ],
            forbid: ["member_of member=ECOWAS group=Sahel Alliance", "member_of member=Mali group=ECOWAS"]),
        PatternCase(
            "a city or a place after a preposition does not join",
            "[[Paris|LOCATION/city]] joined [[UNESCO|ORGANIZATION/international]]. Officials in [[Norway|LOCATION/country|Norway|iso3166:NO]] joined [[Interpol|ORGANIZATION/international]].",
            forbid: ["member_of member=Paris group=UNESCO", "member_of member=Norway group=Interpol"]),
        PatternCase(
            "a cue word matches whatever its case",
            "The [[Quad|ORGANIZATION/international]], a grouping that INCLUDES [[Japan|LOCATION/country|Japan|iso3166:JP]], met.",
            expect: ["member_of member=Japan group=Quad"]),
        PatternCase(
            "a person merely near an organisation is not a member",
            "[[Anna Berg|PERSON]] criticised [[Interpol|ORGANIZATION/international]].",
            forbid: ["member_of member=Anna Berg group=Interpol"]),
    ]

    static let locations: [PatternCase] = [
        PatternCase(
            "city, region",
            "Plants near [[Austin|LOCATION/city]], [[Texas|LOCATION/region]] closed.",
            expect: ["located_in entity=Austin place=Texas"]),
        PatternCase(
            "X in direction Y",
            "Shelling hit [[Kherson|LOCATION/city]] in southern [[Ukraine|LOCATION/country|Ukraine|iso3166:UA]].",
            expect: ["located_in entity=Kherson place=Ukraine"]),
        PatternCase(
            "the region of the country",
            "Fighting continued in the [[Donetsk region|LOCATION/region|Donetsk Oblast]] of [[Ukraine|LOCATION/country|Ukraine|iso3166:UA]].",
            expect: ["located_in entity=Donetsk region place=Ukraine"]),
        PatternCase(
            "possessive region",
            "Troops entered [[Russia|LOCATION/country|Russia|iso3166:RU]]’s [[Belgorod region|LOCATION/region]].",
            expect: ["located_in entity=Belgorod region place=Russia"]),
        PatternCase(
            "organisation in a city",
            "The [[Bank of Japan|ORGANIZATION/government]] in [[Tokyo|LOCATION/city]] held rates.",
            expect: ["located_in entity=Bank of Japan place=Tokyo"]),
        PatternCase(
            "a list of countries is not containment",
            "Leaders of [[Mali|LOCATION/country|Mali|iso3166:ML]], [[Niger|LOCATION/country|Niger|iso3166:NE]] and [[Chad|LOCATION/country|Chad|iso3166:TD]] met.",
            forbid: ["located_in entity=Mali place=Niger"]),
        PatternCase(
            "a country is not inside a city",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] in [[Geneva|LOCATION/city]] talks stalled.",
            forbid: ["located_in entity=Russia place=Geneva"]),
    ]

    static let aliases: [PatternCase] = [
        PatternCase(
            "acronym in parentheses and its reuse",
            "The [[Syrian Democratic Forces|ORGANIZATION/military]] ([[SDF|ORGANIZATION/military]]) advanced. The [[SDF|ORGANIZATION/military]] said so.",
            expect: [
                "alias:acronym alias=SDF of=Syrian Democratic Forces",
                "alias:acronym alias=SDF of=Syrian Democratic Forces",
            ]),
        PatternCase(
            "surname refers back to the full name",
            "[[Lloyd Austin|PERSON]] spoke. Later [[Austin|PERSON|Lloyd Austin]] added more.",
            expect: ["alias:short_form alias=Austin of=Lloyd Austin"]),
        PatternCase(
            "surname without canonical still resolves by name tail",
            "[[Kaja Kallas|PERSON]] spoke. [[Kallas|PERSON]] added more.",
            expect: ["alias:short_form alias=Kallas of=Kaja Kallas"]),
        PatternCase(
            "capital used for its government",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] denied it. [[Moscow|LOCATION/city]] may dismiss the report.",
            expect: ["alias:metonymy alias=Moscow of=Russia"]),
        PatternCase(
            "capital used as a place is literal",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] denied it. Talks were held in [[Moscow|LOCATION/city]].",
            forbid: ["alias:metonymy alias=Moscow of=Russia"]),
        PatternCase(
            "seat of power stands for its country",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] denied it, and the [[Kremlin|ORGANIZATION/government]] said nothing.",
            expect: ["alias:metonymy alias=Kremlin of=Russia"]),
        PatternCase(
            "no metonymy when the country is never mentioned",
            "[[Moscow|LOCATION/city]] may dismiss the report.",
            forbid: ["alias:metonymy alias=Moscow"]),
        PatternCase(
            "identical repetitions are not aliases",
            "[[NATO|ORGANIZATION/international|North Atlantic Treaty Organization]] met. [[NATO|ORGANIZATION/international|North Atlantic Treaty Organization]] agreed.",
            forbid: ["alias:acronym alias=NATO of=NATO"]),
    ]

    static let events: [PatternCase] = [
        PatternCase(
            "seed frame: North Korea sent 3,000 soldiers to Russia",
            "[[North Korea|LOCATION/country|North Korea|iso3166:KP]] has sent {{3,000|cardinal|soldier}} soldiers to [[Russia|LOCATION/country|Russia|iso3166:RU]].",
            expect: [
                "deploy [send] agent=North Korea theme=3,000 destination=Russia",
                "quantity_of quantity=3,000 entity=North Korea",
            ]),
        PatternCase(
            "passive with by-agent",
            "{{5,000|cardinal|troop}} troops were sent by [[North Korea|LOCATION/country|North Korea|iso3166:KP]] to [[Russia|LOCATION/country|Russia|iso3166:RU]].",
            expect: ["deploy [send] agent=North Korea theme=5,000 destination=Russia"]),
        PatternCase(
            "two themes share the trigger",
            "[[France|LOCATION/country|France|iso3166:FR]] will deploy {{300|cardinal|troop}} troops and {{two|cardinal|jet}} jets to [[Estonia|LOCATION/country|Estonia|iso3166:EE]].",
            expect: [
                "deploy [deploy] agent=France theme=300 destination=Estonia",
                "deploy [deploy] agent=France theme=two destination=Estonia",
            ]),
        PatternCase(
            "send of non-military goods is not a deployment",
            "[[Canada|LOCATION/country|Canada|iso3166:CA]] sent {{40|cardinal|truck}} trucks of food to [[Haiti|LOCATION/country|Haiti|iso3166:HT]].",
            forbid: ["deploy [send] agent=Canada theme=40 destination=Haiti"]),
        PatternCase(
            "attack with location",
            "[[Hamas|ORGANIZATION/military]] attacked [[Israel|LOCATION/country|Israel|iso3166:IL]] near [[Sderot|LOCATION/city]].",
            expect: ["attack [attack] attacker=Hamas target=Israel location=Sderot"]),
        PatternCase(
            "nationality stands for its forces",
            "Should [[North Korean|NATIONALITY|North Korea|iso3166:KP]] forces attack [[Ukraine|LOCATION/country|Ukraine|iso3166:UA]], they will be targets.",
            expect: ["attack [attack] attacker=North Korean target=Ukraine"]),
        PatternCase(
            "launch needs an at-target",
            "[[Iran|LOCATION/country|Iran|iso3166:IR]] launched drones at [[Israel|LOCATION/country|Israel|iso3166:IL]]. [[Iran|LOCATION/country|Iran|iso3166:IR]] launched a satellite.",
            expect: ["attack [launch] attacker=Iran target=Israel"]),
        PatternCase(
            "at least is not the target preposition",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] launched at least {{90|cardinal|drone}} drones at [[Kharkiv|LOCATION/city]] overnight.",
            expect: ["attack [launch] attacker=Russia target=Kharkiv"]),
        PatternCase(
            "a place containing the target is not the attack's location",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] struck [[Kharkiv|LOCATION/city]] in northern [[Ukraine|LOCATION/country|Ukraine|iso3166:UA]].",
            expect: ["attack [strike] attacker=Russia target=Kharkiv", "located_in entity=Kharkiv place=Ukraine"],
            forbid: ["attack [strike] attacker=Russia target=Kharkiv location=Ukraine"]),
        PatternCase(
            "a person and a verb do not make a subject for the next noun",
            "[[Israel Katz|PERSON]] said strikes would continue until [[Hezbollah|ORGANIZATION/military]] withdrew.",
            forbid: ["attack [strike] attacker=Israel Katz"]),
        PatternCase(
            "a noun is not a trigger",
            "[[Israel|LOCATION/country|Israel|iso3166:IL]] said the attack on [[Lebanon|LOCATION/country|Lebanon|iso3166:LB]] was over.",
            forbid: ["attack [attack] attacker=Israel target=Lebanon"]),
        PatternCase(
            "compound backed",
            "The [[U.S.|LOCATION/country|United States|iso3166:US]]-backed [[Kurdish forces|ORGANIZATION/military]] advanced.",
            expect: ["ally [back] party1=U.S. party2=Kurdish forces"]),
        PatternCase(
            "coordinated subjects back one party",
            "[[Britain|LOCATION/country|United Kingdom|iso3166:GB]] and [[France|LOCATION/country|France|iso3166:FR]] backed [[Kyiv|LOCATION/city]].",
            expect: ["ally [back] party1=Britain party2=Kyiv", "ally [back] party1=France party2=Kyiv"]),
        PatternCase(
            "relative clause passive",
            "The [[Houthis|ORGANIZATION/military]], which analysts say are backed by [[Iran|LOCATION/country|Iran|iso3166:IR]], fired again.",
            expect: ["ally [back] party1=Iran party2=Houthis"]),
        PatternCase(
            "meet and hold talks",
            "[[Antony Blinken|PERSON]] met [[Wang Yi|PERSON]]. [[Ayman Safadi|PERSON]] held talks with his [[Turkish|NATIONALITY|Turkey|iso3166:TR]] counterpart, [[Hakan Fidan|PERSON]].",
            expect: [
                "meet [meet] party1=Antony Blinken party2=Wang Yi",
                "meet [hold talks] party1=Ayman Safadi party2=Hakan Fidan",
            ],
            forbid: ["meet [hold talks] party1=Ayman Safadi party2=Turkish"]),
    ]

    static let quantities: [PatternCase] = [
        PatternCase(
            "a count said to come from a unit belongs to the unit, not to the sender",
            "[[Russia|LOCATION/country|Russia|iso3166:RU]] has deployed {{about 1,500|cardinal|fighter}} fighters from its [[Africa Corps|ORGANIZATION/military]] to [[Mali|LOCATION/country|Mali|iso3166:ML]].",
            expect: [
                "quantity_of quantity=about 1,500 entity=Africa Corps",
                "deploy [deploy] agent=Russia theme=about 1,500 destination=Mali",
            ],
            forbid: ["quantity_of quantity=about 1,500 entity=Russia"]),
        PatternCase(
            "share of something",
            "[[Brazil|LOCATION/country|Brazil|iso3166:BR]] grows {{about 35%|percent}} of the world’s coffee.",
            expect: ["quantity_of quantity=about 35% entity=Brazil"]),
        PatternCase(
            "a price change is not a share",
            "Shares of [[Nvidia|ORGANIZATION/company]] rose {{3%|percent}} on Monday.",
            forbid: ["quantity_of quantity=3% entity=Nvidia"]),
    ]

    @Test("has_title and nationality", arguments: titles)
    func titlePatterns(_ pattern: PatternCase) throws { try check(pattern) }

    @Test("member_of and affiliated_with", arguments: affiliations)
    func affiliationPatterns(_ pattern: PatternCase) throws { try check(pattern) }

    @Test("located_in", arguments: locations)
    func locationPatterns(_ pattern: PatternCase) throws { try check(pattern) }

    @Test("alias", arguments: aliases)
    func aliasPatterns(_ pattern: PatternCase) throws { try check(pattern) }

    @Test("event frames", arguments: events)
    func eventPatterns(_ pattern: PatternCase) throws { try check(pattern) }

    @Test("quantity_of", arguments: quantities)
    func quantityPatterns(_ pattern: PatternCase) throws { try check(pattern) }

    private func check(_ pattern: PatternCase) throws {
        let marked = try MarkedText(pattern.text)
        let lines = marked.lines
        var remaining = lines
        for expected in pattern.expected {
            if let found = remaining.firstIndex(of: expected) {
                remaining.remove(at: found)
            } else {
                Issue.record("missing: \(expected)\nfound: \(lines)")
            }
        }
        for forbidden in pattern.forbidden where lines.contains(where: { $0.hasPrefix(forbidden) }) {
            Issue.record("unexpected: \(forbidden)\nfound: \(lines)")
        }
    }
}
