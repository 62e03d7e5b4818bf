import GazetteCore
import Testing
import Tokenization

@testable import Gazetteer

/// The entities of `text` as "text/LABEL/rule", with the bundled lexicons.
func recognized(_ text: String) throws -> [String] {
    guard case let .success(lexicon)? = Fixtures.bundled else { return [] }
    var document = try tokenized(text)
    try GazetteerStage(lexicon: lexicon).process(&document)
    return document.entities.map { "\(document.text(of: $0.range))/\($0.label.rawValue)/\($0.source.rule)" }
}

/// Each named rule of `EntityRecognizer`, with positive and negative cases, on the bundled lexicons.
@Suite("Entity recognizer rules", .enabled(if: Fixtures.hasBundledLexicons))
struct EntityRecognizerTests {
    /// (text, entities that must be found, entities that must not be found)
    static let cases: [(String, [String], [String])] = [
        // title-name: a capitalised name after a title is a person
        ("Defense Secretary Lloyd Austin spoke.", ["Defense Secretary/TITLE/lexicon", "Lloyd Austin/PERSON/lexicon"], []),
        ("Gen. Joseph Votel visited the base.", ["Joseph Votel/PERSON/given-name"], []),
        ("Reporters asked President Zelenskiy about it.", ["President/TITLE/lexicon", "Zelenskiy/PERSON/title-name"], []),
        ("The talks were chaired by Ambassador Quentin Harrowgate.", ["Quentin Harrowgate/PERSON/given-name"], []),
        ("Hyundai chief executive José Muñoz said so.", ["chief executive/TITLE/title-before-name", "José Muñoz/PERSON/given-name"], []),
        ("It was a turkey dinner with the president.", [], ["president/TITLE/lexicon"]),
        // a title is an entity only when attached to a person: before the name (through further
        // titles) or in apposition
        ("The President said so. Officials agreed.", [], ["President/TITLE/lexicon", "Officials/TITLE/lexicon"]),
        ("Lt. Gen. Stephen Townsend spoke.", ["Lt. Gen./TITLE/lexicon", "Stephen Townsend/PERSON/given-name"], []),
        ("Inherent Resolve Commander, Lt. Gen. Stephen Townsend, spoke.", ["Commander/TITLE/lexicon"], []),
        ("Dr. Verna Magee is Acting President of the Institute.", ["President/TITLE/lexicon"], []),
        // title in apposition
        ("Kaja Kallas, a former Estonian prime minister, spoke.", ["prime minister/TITLE/title-apposition"], []),
        ("The ship, a former Estonian prime minister said, sank.", [], ["prime minister/TITLE/title-apposition"]),
        // given-name: given names with initials, particles and suffixes
        ("Martin Luther King Jr. spoke in Memphis.", ["Martin Luther King Jr./PERSON/given-name"], []),
        ("A statue of Charles de Gaulle stands there.", ["Charles de Gaulle/PERSON/given-name"], []),
        ("Troops hunted Abu Bakr al-Baghdadi for years.", ["Abu Bakr al-Baghdadi/PERSON/given-name"], ["Abu Bakr/PERSON/given-name"]),
        // a quoted nickname between given name and surname is part of the name
        ("Brig. Gen. Richard \"Tex\" Coe led the inquiry.", ["Richard \"Tex\" Coe/PERSON/given-name"], ["Richard/PERSON/given-name"]),
        ("Then Robert ‘Bob’ Hartigan left.", ["Robert ‘Bob’ Hartigan/PERSON/given-name"], []),
        ("Officers said John “Jed” Dorrian spoke.", ["John “Jed” Dorrian/PERSON/given-name"], []),
        ("Officers told Robert “Yes” on Monday.", [], ["Robert “Yes” on/PERSON/given-name"]),
        ("Maria said \"Thanks\" quietly.", [], ["Maria \"Thanks\" quietly/PERSON/given-name"]),
        // numbered-unit: an ordinal in digits before a military unit name
        ("The 3rd Battalion moved north.", ["3rd Battalion/ORGANIZATION/numbered-unit"], ["Battalion/ORGANIZATION/org-keyword"]),
        ("Soldiers of the 321st Field Artillery Regiment fired.", ["321st Field Artillery Regiment/ORGANIZATION/numbered-unit"], []),
        ("They met on the 3rd Street corner.", [], ["3rd Street/ORGANIZATION/numbered-unit"]),
        ("In 3rd place came Jones.", [], ["3rd place/ORGANIZATION/numbered-unit"]),
        ("He hired Graham Mabury and Gary Carvolth.", ["Graham Mabury/PERSON/given-name", "Gary Carvolth/PERSON/given-name"], []),
        ("Fans cheered Michael Jordan in Chicago.", ["Michael Jordan/PERSON/given-name", "Chicago/LOCATION/lexicon"], ["Jordan/LOCATION/lexicon"]),
        ("They toured the Alfred Phillips House.", [], ["Alfred Phillips House/PERSON/given-name"]),
        // possessives
        ("Volodymyr Zelenskiy’s office denied it.", ["Volodymyr Zelenskiy/PERSON/lexicon"], []),
        ("Zelenskiy’s office denied it.", [], ["Zelenskiy’s/PERSON/lexicon"]),
        // org-keyword: names ending in organisation words, "X of Y"
        ("The Syrian Democratic Forces (SDF) advanced. The SDF said so.",
         ["Syrian Democratic Forces/ORGANIZATION/lexicon", "SDF/ORGANIZATION/acronym-definition"], []),
        ("The Quentin Valley Farmers Cooperative Bank opened.", ["Quentin Valley Farmers Cooperative Bank/ORGANIZATION/org-keyword"], []),
        ("Amos Frumkin of the Hebrew University spoke.", ["Amos Frumkin/PERSON/given-name", "Hebrew University/ORGANIZATION/org-keyword"], []),
        ("The chair is Sue Black of the University of Westminster.",
         ["Sue Black/PERSON/given-name", "University of Westminster/ORGANIZATION/org-keyword"],
         ["Sue Black of the University of Westminster/ORGANIZATION/org-keyword"]),
        ("The Syrian Observatory for Human Rights said so.", ["Syrian Observatory for Human Rights/ORGANIZATION/org-keyword"], []),
        // dateline: a place in capitals opening a paragraph, before a dash
        ("BAGHDAD - Coalition officials said so.", ["BAGHDAD/LOCATION/dateline"], ["BAGHDAD/ORGANIZATION/acronym"]),
        ("KYIV, Ukraine (AP) — Drones struck overnight.", ["KYIV/LOCATION/dateline", "Ukraine/LOCATION/lexicon", "AP/ORGANIZATION/lexicon"],
         ["AP/LOCATION/acronym-definition"]),
        ("He said NATO - and only NATO - could act.", [], ["NATO/LOCATION/dateline"]),
        // place-preposition: unlisted capitalised words right after "near", "outside",
        // "<compass> of", ending the phrase
        ("Shelling hit villages near Qarwadi, officials said.", ["Qarwadi/LOCATION/place-preposition"], []),
        ("Near Tel Qarwadi, one strike destroyed a depot.", ["Tel Qarwadi/LOCATION/place-preposition"],
         ["Near Tel Qarwadi/LOCATION/place-preposition"]),
        ("Strikes hit targets north of Al Qarwadi on Monday.", ["Al Qarwadi/LOCATION/place-preposition"],
         ["Al Qarwadi/PERSON/given-name"]),
        ("Police gathered near Qarwadi headquarters.", [], ["Qarwadi/LOCATION/place-preposition"]),
        ("Crowds gathered outside Qarwadi’s home.", [], ["Qarwadi/LOCATION/place-preposition"]),
        ("Strikes hit positions near Tal Qarwadi, officials said.", ["Tal Qarwadi/LOCATION/place-preposition"],
         ["Tal Qarwadi/PERSON/given-name"]),
        ("Fighting flared near Ayn Isa, officials said.", ["Ayn Isa/LOCATION/place-preposition"], ["Ayn Isa/PERSON/given-name"]),
        ("Bombs hit the town of Tel Qarwadi in the north.", ["Tel Qarwadi/LOCATION/place-preposition"], []),
        ("Jets left Qarwadi Military Airfield at dawn.", ["Qarwadi Military Airfield/LOCATION/loc-keyword"], []),
        ("He sat near John Smith at dinner.", ["John Smith/PERSON/given-name"], ["John Smith/LOCATION/place-preposition"]),
        ("Near Oxford Street, John Smith waited.", ["John Smith/PERSON/given-name"], []),
        // a seat of power that is also a listed city, qualified by its region, is the city
        ("The gala was held in Hollywood, California.", ["Hollywood/LOCATION/place-region"], ["Hollywood/ORGANIZATION/lexicon"]),
        ("Hollywood studios struck a deal.", ["Hollywood/ORGANIZATION/lexicon"], []),
        // a surname that GATE lists as an organisation word ends a person's name
        ("Brigadier General Philip Drew spoke.", ["Philip Drew/PERSON/given-name"], ["Philip Drew/ORGANIZATION/org-keyword"]),
        // a transliteration whose apostrophe the lists leave out
        ("Efforts to defeat Da’esh continue.", ["Da’esh/ORGANIZATION/lexicon"], []),
        ("Officials said Da'esh fighters fled.", ["Da'esh/ORGANIZATION/lexicon"], []),
        // a name ending in an event or award word is no person
        ("Fans cheered as the Stanley Cup was raised.", [], ["Stanley Cup/PERSON/given-name"]),
        ("Talks followed the Geneva Communique of 2012.", [], ["Geneva Communique/PERSON/given-name"]),
        ("Fans cheered as the Jimmy Connors Championships began.", [], ["Jimmy Connors Championships/PERSON/given-name"]),
        ("Fans cheered Stanley Kowalski at the final.", ["Stanley Kowalski/PERSON/given-name"], []),
        // a city opening an event's name is no place of its own, nor a team
        ("Fans watched the Stanley Cups in the museum.", [], ["Stanley/LOCATION/lexicon", "Stanley Cups/PERSON/given-name"]),
        ("Officials flew to the Munich Security Conference on Friday.", [], ["Munich/LOCATION/lexicon", "Munich Security Conference/ORGANIZATION/place-team"]),
        // a one-word title written out before one organisation keyword names that body
        ("Troops repelled the attack, the General Staff said.", ["General Staff/ORGANIZATION/org-keyword"], ["Staff/PERSON/title-name", "General/TITLE/lexicon"]),
        ("The Russian General Staff said so.", ["Russian General Staff/ORGANIZATION/org-keyword"], []),
        ("Gen. Staff spoke.", [], ["Gen. Staff/ORGANIZATION/org-keyword"]),
        // smaller military units end names too
        ("Soldiers of Abel Battery, 3rd Battalion, fired.", ["Abel Battery/ORGANIZATION/org-keyword", "3rd Battalion/ORGANIZATION/numbered-unit"], ["Abel Battery/PERSON/given-name"]),
        ("Pilots from the 4th Fighter Squadron flew over the base on Monday.", ["4th Fighter Squadron/ORGANIZATION/numbered-unit"], []),
        ("Staff Sgt. John Miller was wounded.", ["Staff Sgt./TITLE/lexicon", "John Miller/PERSON/given-name"], []),
        // a capitalised function word (not an initial) ends a name
        ("The album included the song Santa Through the Ages, released later.", [], ["Santa Through/PERSON/given-name"]),
        ("Their second single, Brand New Name, reached the chart.", [], ["Brand New Name/PERSON/given-name"]),
        ("Officials said Herbert A Scheele had resigned.", ["Herbert A Scheele/PERSON/given-name"], []),
        // a given name that is more often a word needs a known surname after it
        ("The band won the award for Best Rock Video at the ceremony.", [], ["Rock Video/PERSON/given-name"]),
        ("The aircraft was replaced by the Delta Dagger interceptor.", [], ["Delta Dagger/PERSON/given-name"]),
        ("Officials said Rock Hudson and Hunter Biden attended.", ["Rock Hudson/PERSON/given-name", "Hunter Biden/PERSON/given-name"], []),
        // a month or a day that is also a town's name is no place, even after "in"
        ("It snowed in March, and the talks in March failed.", [], ["March/LOCATION/lexicon"]),
        // a capitalised direction before a name no list holds names a region, not a team
        ("He moved to South Jutland in 1990.", ["South Jutland/LOCATION/direction-place"], ["South Jutland/ORGANIZATION/place-team"]),
        // a title before a name ends an organisation's name written before it
        ("Markets rose after Bank of England Governor Andrew Bailey spoke.", ["Bank of England/ORGANIZATION/lexicon", "Governor/TITLE/lexicon", "Andrew Bailey/PERSON/given-name"], []),
        ("Officials said Zorvex Holdings of Ohio Chairman Alan Brisk resigned.", ["Zorvex Holdings of Ohio/ORGANIZATION/org-keyword", "Chairman/TITLE/lexicon", "Alan Brisk/PERSON/given-name"], []),
        ("Talks with Saudi Energy Minister Abdulaziz bin Salman ended.", ["Energy Minister/TITLE/portfolio-title"], ["Saudi Energy/ORGANIZATION/org-keyword"]),
        // a listed name that opens with a title is the title and the person
        ("Jordan's King Abdullah II met the envoy.", ["King/TITLE/lexicon", "Abdullah II/PERSON/lexicon"], ["King Abdullah II/PERSON/lexicon"]),
        ("Sudan's army chief Gen. Abdel Fattah al-Burhan spoke.", ["Gen./TITLE/lexicon", "Abdel Fattah al-Burhan/PERSON/lexicon"], []),
        // a word inside a title ("General", also a given name) opens no name
        ("ILO Director-General Gilbert F. Houngbo said so.", ["Director-General/TITLE/lexicon", "Gilbert F. Houngbo/PERSON/given-name"], []),
        // more company and place keywords; "and" joins no two names that each end in one
        ("Officials at Zorvex Solutions and Acme Therapeutics said output rose.", ["Zorvex Solutions/ORGANIZATION/org-keyword", "Acme Therapeutics/ORGANIZATION/org-keyword"], []),
        ("Fans filled the Melbourne Cricket Ground and Subiaco Oval.", ["Melbourne Cricket Ground/LOCATION/loc-keyword", "Subiaco Oval/LOCATION/loc-keyword"], []),
        ("The rover landed in Jezero Crater last year.", ["Jezero Crater/LOCATION/loc-keyword"], []),
        ("Officials at the Department of Health and Human Services agreed.", ["Department of Health and Human Services/ORGANIZATION/org-keyword"], []),
        // "on" after an organisation keyword continues the name, but not into a date
        ("Dr. Anthony Fauci testified before the House Select Subcommittee on the Coronavirus Pandemic on Monday.", ["House Select Subcommittee on the Coronavirus Pandemic/ORGANIZATION/org-keyword"], []),
        ("The Council on Foreign Relations published a report.", ["Council on Foreign Relations/ORGANIZATION/org-keyword"], []),
        ("He joined the Montreal Hockey Club on May 5, 1893.", ["Montreal Hockey Club/ORGANIZATION/org-keyword"], []),
        // a storm's name is no place or person; a telescope or a law named after a person is no person
        ("Hurricane Milton made landfall near Siesta Key on Wednesday.", [], ["Milton/LOCATION/lexicon", "Hurricane Milton/PERSON/given-name"]),
        ("Tropical Storm Alberto weakened over Mexico.", ["Mexico/LOCATION/lexicon"], ["Alberto/PERSON/given-name"]),
        ("Scientists released images from the James Webb Space Telescope.", [], ["James Webb Space Telescope/PERSON/given-name"]),
        ("Officers of Greater Manchester Police made an arrest.", ["Greater Manchester Police/ORGANIZATION/org-keyword"], []),
        // an abbreviation of a thing or an office is no organisation
        ("He posted a 2.10 ERA and was named MVP after the season.", [], ["ERA/ORGANIZATION/acronym", "MVP/ORGANIZATION/acronym"]),
        ("A SWAT team stopped the SUV near the border.", [], ["SWAT/ORGANIZATION/acronym", "SUV/ORGANIZATION/acronym"]),
        // lower-case words of the office belong to a lower-case title
        ("Kharkiv regional governor Oleh Syniehubov said so.", ["regional governor/TITLE/title-before-name"], ["governor/TITLE/title-before-name"]),
        ("Hans Kluge, the WHO regional director, agreed.", ["regional director/TITLE/title-apposition"], []),
        // a common-word name opening a sentence is taken when "and" joins it to another name of its kind
        ("Chevron and Exxon Mobil reported higher profits.", ["Chevron/ORGANIZATION/lexicon", "Exxon Mobil/ORGANIZATION/lexicon"], []),
        ("Turkey and Syria agreed on a plan.", ["Turkey/LOCATION/lexicon", "Syria/LOCATION/lexicon"], []),
        ("Apple and pears were sold at the market.", [], ["Apple/ORGANIZATION/lexicon"]),
        // a listed place ending a run is the place, not the run
        ("Residents of Gaza City fled south.", ["Gaza City/LOCATION/lexicon"], ["Residents of Gaza City/LOCATION/loc-keyword"]),
        // buildings and roads named after people or things are places
        ("Thieves stole jewels from the Apollo Gallery on Sunday.", ["Apollo Gallery/LOCATION/loc-keyword"], ["Apollo Gallery/PERSON/given-name"]),
        ("Traffic stopped on the Pacific Coast Highway near the town.", ["Pacific Coast Highway/LOCATION/loc-keyword"], []),
        // a listed name ending in a lower-case word, spelled as listed, runs past the capitals
        ("South Korean President Lee Jae-myung held talks in Seoul.", ["Lee Jae-myung/PERSON/lexicon"], ["Lee Jae/PERSON/given-name"]),
        ("The Houthi movement claimed the attack.", ["Houthi movement/ORGANIZATION/lexicon"], []),
        ("The Ukrainian military said it shot down drones.", ["Ukrainian/NATIONALITY/lexicon"], ["Ukrainian military/ORGANIZATION/lexicon"]),
        // an honorific before a listed place or company names a person; so do initials
        ("Mr. Jordan declined to comment.", ["Jordan/PERSON/title-name"], ["Jordan/LOCATION/lexicon"]),
        ("The trophy was donated by Lord Stanley in 1892.", ["Stanley/PERSON/title-name"], ["Stanley/LOCATION/lexicon"]),
        ("The economist C. H. Douglas proposed a theory of credit.", ["C. H. Douglas/PERSON/initials-name"], ["Douglas/LOCATION/lexicon"]),
        ("The letter from H. G. Wells arrived on Monday.", ["H. G. Wells/PERSON/initials-name"], []),
        ("The author J. R. R. Tolkien taught at Oxford.", ["J. R. R. Tolkien/PERSON/initials-name", "Oxford/LOCATION/lexicon"], []),
        ("The board thanked Harbor Master George F. Hauser for his work.", ["George F. Hauser/PERSON/initials-name"], ["George/LOCATION/lexicon"]),
        ("Temperatures fell to 34°C. Researchers left the crater.", [], ["C. Researchers/PERSON/initials-name"]),
        ("Troops of the U.S. Army arrived.", [], ["U.S. Army/PERSON/initials-name"]),
        // a season is no town; "and" does not introduce a common-word place for the document
        ("The tour resumes in Spring 2027 across Europe.", ["Europe/LOCATION/lexicon"], ["Spring/LOCATION/lexicon"]),
        ("They won Best Newcomer and Best Single. Best Single was their second award for Best Album.", [],
         ["Best/LOCATION/lexicon"]),
        ("The band moved to Best in 2001. Fans in Best cheered.", ["Best/LOCATION/lexicon"], []),
        // lower-case sports and state titles before a name
        ("The match was won by England captain Zorvan Oduya, who scored twice.",
         ["captain/TITLE/title-before-name", "Zorvan Oduya/PERSON/title-name"], []),
        ("State media said leader Kim Jong Un watched the launch.", ["leader/TITLE/title-before-name", "Kim Jong Un/PERSON/lexicon"], []),
        // a compass point alone after "the" is the region, not a listed place of that name
        ("Moscow warned the West against meddling in the vote.", ["West/LOCATION/direction-place"], []),
        ("Turnout among voters in the South rose sharply.", ["South/LOCATION/direction-place"], []),
        ("Fans of the West Ham side sang.", [], ["West/LOCATION/direction-place"]),
        ("The song was written by Kanye West for the tour.", [], ["West/LOCATION/direction-place"]),
        // English names of regions and rivers; a title before a river's name makes a person
        ("Barges crossed the Rhine near the border, and farms in Normandy flooded.",
         ["Rhine/LOCATION/lexicon", "Normandy/LOCATION/lexicon"], []),
        ("Later, Special Advisor Thames will meet civic leaders.", ["Thames/PERSON/title-name"], ["Thames/LOCATION/lexicon"]),
        // "on" after an acronym joins no name; after a Council it does
        ("Shares trade under the symbol ZQX on the Toronto Stock Exchange.", ["ZQX/ORGANIZATION/acronym"],
         ["ZQX on the Toronto Stock Exchange/ORGANIZATION/org-keyword"]),
        ("The Council on Foreign Relations met.", ["Council on Foreign Relations/ORGANIZATION/org-keyword"], []),
        // a listed team's nickname names it later in the document; a place in its name stays a place
        ("The Miami Heat won again, and the Heat led by ten.", ["Heat/ORGANIZATION/org-short-form"], []),
        ("The Heat was intense in Miami.", [], ["Heat/ORGANIZATION/org-short-form"]),
        ("AC Milan lost at home, and fans in Milan booed.", ["AC Milan/ORGANIZATION/lexicon", "Milan/LOCATION/lexicon"], []),
        // publishers and halls of fame end organisation names; "Fame" alone later names none
        ("Her poems appeared from Quillfeather Publishing last year.", ["Quillfeather Publishing/ORGANIZATION/org-keyword"], []),
        ("He entered the College Football Hall of Fame in 1971. Fame came late.",
         ["College Football Hall of Fame/ORGANIZATION/org-keyword"], ["Fame/ORGANIZATION/org-short-form"]),
        // a company spelled as a common word opens a sentence when a company word follows it, or
        // where the document names it inside a sentence too
        ("Apple said on Monday it would invest more.", ["Apple/ORGANIZATION/lexicon"], []),
        ("Shell shares fell 2%.", ["Shell/ORGANIZATION/lexicon"], []),
        ("Apple pie is tasty.", [], ["Apple/ORGANIZATION/lexicon"]),
        // a first-level subdivision outranks a small foreign town of its name, also as a qualifier;
        // a city named like a subdivision of its own country stays the city
        ("The company opened a plant in Mesa, Arizona, and another in Virginia.",
         ["Mesa/LOCATION/place-region", "Arizona/LOCATION/place-region", "Virginia/LOCATION/place-region"], []),
        ("He flew to New York and Hamburg.", ["New York/LOCATION/lexicon", "Hamburg/LOCATION/lexicon"], []),
        ("She lives in Savannah now.", ["Savannah/LOCATION/lexicon"], []),
        // a ship's name is no person, place or company; initials after a capitalised word open no name
        ("The USS Gerald R. Ford arrived in the eastern Mediterranean.", ["Mediterranean/LOCATION/lexicon"],
         ["R. Ford/PERSON/initials-name", "Ford/ORGANIZATION/lexicon"]),
        ("The destroyer HMS Quillon Vale sailed to Portsmouth.", ["Portsmouth/LOCATION/lexicon"], ["Quillon Vale/PERSON/given-name"]),
        // a saint's possessive inside a place or body name
        ("Pilgrims filled St. Peter's Square on Sunday.", ["St. Peter's Square/LOCATION/loc-keyword"], []),
        ("She was treated at St Mary's Hospital in London.", ["St Mary's Hospital/ORGANIZATION/org-keyword"], []),
        // a capitalised compass point before a listed place names a part of it; a listed name stays whole
        ("The office moved to Quarry Lane, East Perth, in 1990.", ["East Perth/LOCATION/direction-place"], ["Perth/LOCATION/lexicon"]),
        ("Residents of East Jerusalem protested.", ["East Jerusalem/LOCATION/lexicon"], []),
        // a place word after a listed place, before "of", belongs to the place
        ("The village lies in Chittoor District of Andhra Pradesh.",
         ["Chittoor District/LOCATION/loc-keyword", "Andhra Pradesh/LOCATION/lexicon"], []),
        // a bare number opens a unit of several words that ends in a unit size; wings are units
        ("Paratroopers of 16 Air Assault Brigade deployed.", ["16 Air Assault Brigade/ORGANIZATION/numbered-unit"], []),
        ("The 158th Fighter Wing returned.", ["158th Fighter Wing/ORGANIZATION/numbered-unit"], []),
        ("They flew 3 Air Force jets home.", [], ["3 Air Force/ORGANIZATION/numbered-unit"]),
        // a title before a body or place word names no person, unless a name word says so
        ("He was drafted by Major League Baseball in 2001.", [], ["League Baseball/PERSON/title-name"]),
        ("Later President Park said so.", ["Park/PERSON/title-name"], []),
        ("Captain Hall Smith spoke.", ["Hall Smith/PERSON/title-name"], []),
        // a place word right after a listed place opens no person ("Bay" is a given name too)
        ("He was born in the San Francisco Bay Area.", ["San Francisco/LOCATION/lexicon"], ["Bay Area/PERSON/given-name"]),
        // a listed organisation spelled as a common abbreviation is none alone; defined, it is
        ("His lifetime ERA stands at 2.10.", [], ["ERA/ORGANIZATION/lexicon"]),
        ("The European Union Agency for Railways (ERA) said ERA rules apply.", ["ERA/ORGANIZATION/acronym-definition"], []),
        // a function word after a title, and a nationality before an office, name no one
        ("He wrote the script for the Doctor Who serial.", [], ["Who/PERSON/title-name"]),
        ("He was a German Senator and entomologist.", ["German/NATIONALITY/lexicon"], ["German Senator/PERSON/given-name"]),
        // no organisation from a company suffix alone, a Roman numeral or a boxing KO; no place
        // from a proper adjective
        ("She founded Zorvex, LLC in 2010.", [], ["LLC/ORGANIZATION/acronym"]),
        ("He wrote Volume III last year.", [], ["III/ORGANIZATION/acronym"]),
        ("He won by KO in the third round.", [], ["KO/ORGANIZATION/acronym"]),
        ("The Jewish community and Olympic officials met.", [], ["Jewish/LOCATION/lexicon", "Olympic/LOCATION/lexicon"]),
        // "on" after a place word joins no name; an en dash without spaces joins one
        ("Samples from Quorvo Crater on Mars were analysed.", ["Quorvo Crater/LOCATION/loc-keyword", "Mars/LOCATION/lexicon"], []),
        ("She studied at the University of Wisconsin–Madison in 2010.",
         ["University of Wisconsin–Madison/ORGANIZATION/org-keyword"], []),
        // a sport before a country names its governing body (also where the sport is a town's name)
        ("Officials of Rugby Australia and Athletics Kenya met.",
         ["Rugby Australia/ORGANIZATION/place-team", "Athletics Kenya/ORGANIZATION/place-team"], []),
        ("He moved from Rugby to Australia.", ["Rugby/LOCATION/lexicon", "Australia/LOCATION/lexicon"], []),
        // a hyphenated given name keeps its lower-case syllable; "Saudi-led" is no name
        ("Former President Moon Jae-in met Ban Ki-moon in Seoul.",
         ["Moon Jae-in/PERSON/given-name", "Ban Ki-moon/PERSON/given-name"], ["Moon Jae/PERSON/given-name"]),
        ("The Saudi-led coalition struck.", ["Saudi/NATIONALITY/lexicon"], []),
        // a given name in two capitalised parts and a known surname
        ("He passed to DeMarvo James late in the game.", ["DeMarvo James/PERSON/given-name"], []),
        ("Investors at BlackRock said so.", ["BlackRock/ORGANIZATION/lexicon"], []),
        // a ceremonial county is a region; a company named in full takes its first word back from
        // a place abroad of that name, not from one of its own country
        ("The town lies in Berkshire, west of London.", ["Berkshire/LOCATION/lexicon"], []),
        ("Berkshire Hathaway bought shares. Later Berkshire said profits rose.", ["Berkshire/ORGANIZATION/org-short-form"],
         ["Berkshire/LOCATION/lexicon"]),
        ("Texas Instruments hired engineers in Texas.", ["Texas Instruments/ORGANIZATION/lexicon", "Texas/LOCATION/lexicon"], []),
        // no place inside the name of a battle or a siege (a lower-case battle names the place)
        ("He fought at the Battle of Fredericksburg in 1862.", [], ["Fredericksburg/LOCATION/lexicon"]),
        ("The battle of Kursk ended.", ["Kursk/LOCATION/lexicon"], []),
        // loc-keyword: a place word opening a name
        ("Soldiers from Fort Campbell deployed.", ["Fort Campbell/LOCATION/loc-keyword"], ["Campbell/LOCATION/lexicon"]),
        ("Marines trained at Camp Lejeune last year.", ["Camp Lejeune/LOCATION/loc-keyword"], []),
        ("Officers of the Port Authority arrived.", [], ["Port Authority/LOCATION/loc-keyword"]),
        // a keyword that names one body alone ("alone=yes"), capitalised inside a sentence
        ("Officials thanked the Coalition for its support.", ["Coalition/ORGANIZATION/org-short-form"], []),
        ("Officials said Coalition aircraft struck again.", ["Coalition/ORGANIZATION/org-short-form"], []),
        ("Coalition talks stalled. A coalition formed.", [], ["Coalition/ORGANIZATION/org-short-form", "coalition/ORGANIZATION/org-short-form"]),
        ("Officials said the Council met.", [], ["Council/ORGANIZATION/org-short-form"]),
        // a one-word company or publication that is an English word is no entity at the start
        // of a sentence, where its capital proves nothing
        ("Time permitting, they will visit.", [], ["Time/ORGANIZATION/lexicon"]),
        ("Users left Twitter in droves.", ["Twitter/ORGANIZATION/lexicon"], []),
        // acronym-definition: the acronym's first letter is an initial of the name
        ("The Syrian Democratic Forces (SDF) advanced.", ["SDF/ORGANIZATION/acronym-definition"], []),
        // a listed name that runs past the capitalised chunk ("and the" joins none) extends it,
        // but not through a possessive
        ("Fighters of the Islamic State of Iraq and the Levant fled.",
         ["Islamic State of Iraq and the Levant/ORGANIZATION/lexicon"], ["Levant/LOCATION/lexicon", "Islamic State/ORGANIZATION/lexicon"]),
        ("Officials at South Korea’s National Intelligence Service said so.",
         ["South Korea/LOCATION/lexicon", "National Intelligence Service/ORGANIZATION/lexicon"],
         ["South Korea’s National Intelligence Service/ORGANIZATION/lexicon"]),
        // a possessive inside a listed name, after a word that is itself listed ("People" magazine)
        ("Rates were cut by the People’s Bank of China on Monday.", ["People’s Bank of China/ORGANIZATION/lexicon"],
         ["People/ORGANIZATION/lexicon"]),
        ("He read it in People magazine.", ["People/ORGANIZATION/lexicon"], []),
        // portfolio-title: capitalised portfolio words before a bare office word
        ("Turkish Energy Minister Alparslan Bayraktar spoke.", ["Turkish/NATIONALITY/lexicon", "Energy Minister/TITLE/portfolio-title"], []),
        ("He met German Research Minister Dorothee Bär.", ["German/NATIONALITY/lexicon", "Research Minister/TITLE/portfolio-title"],
         ["German Research/PERSON/given-name"]),
        ("The Minister said so.", [], ["The Minister/TITLE/portfolio-title"]),
        ("Prime Minister Keir Starmer spoke.", ["Prime Minister/TITLE/lexicon"], []),
        // two particles inside a name, and a short form keeps them
        ("Ursula von der Leyen spoke and von der Leyen left.",
         ["Ursula von der Leyen/PERSON/lexicon", "von der Leyen/PERSON/person-short-form"], ["Ursula/PERSON/title-name"]),
        // a listed place is not a person's first name alone
        ("Israel Katz said strikes would go on. Later Israel denied it.", ["Israel/LOCATION/lexicon"], ["Israel/PERSON/person-short-form"]),
        ("Robert F. Kennedy Jr. spoke. Later Kennedy said so.", ["Kennedy/PERSON/person-short-form"], []),
        ("Mobile phones are cheap. He moved to Mobile last year.", ["Mobile/LOCATION/lexicon"], []),
        // a day or month after a connector is not part of the name
        ("Missiles fell into the Sea of Japan on Tuesday.", ["Sea of Japan/LOCATION/lexicon"], ["Sea of Japan on Tuesday/LOCATION/loc-keyword"]),
        // a capitalised descriptor before a given name is not part of the name
        ("He met Hall of Famer Bill McKechnie there.", ["Bill McKechnie/PERSON/given-name"], []),
        ("Queenslander Mitchell Rawlins won the heat.", ["Mitchell Rawlins/PERSON/given-name"], []),
        ("The carrier FS Charles de Gaulle sailed.", [], ["Charles de Gaulle/PERSON/given-name"]),
        ("The Syrian Observatory for Human Rights reported it.", ["Syrian Observatory for Human Rights/ORGANIZATION/org-keyword"], []),
        ("Shares of Zorvex Holdings Inc. rose.", ["Zorvex Holdings Inc./ORGANIZATION/org-keyword"], []),
        ("The Ontario Liberal Party won.", ["Ontario Liberal Party/ORGANIZATION/org-keyword"], []),
        // nationality + force words: a nationality, not an organisation
        ("Russian troops crossed the river.", ["Russian/NATIONALITY/lexicon"], ["Russian troops/ORGANIZATION/org-keyword"]),
        // places: keywords, "the X region", directions
        ("Shelling hit the Donetsk region overnight.", ["Donetsk region/LOCATION/loc-keyword"], []),
        ("They met in Aabenraa County.", ["Aabenraa County/LOCATION/loc-keyword"], []),
        ("Trains ran to West Jersey daily.", ["West Jersey/LOCATION/direction-place"], []),
        // ambiguity: common words need context; sentence-initial capitals prove nothing
        ("Turkey is served. We ate turkey.", [], ["Turkey/LOCATION/lexicon"]),
        ("Turkey said it would respond.", ["Turkey/LOCATION/lexicon"], []),
        ("The awards for Best Single went to them.", [], ["Best/LOCATION/lexicon"]),
        ("May told delegates that May was busy.", [], ["May/PERSON/given-name"]),
        ("Will Smith arrived. Will Russia respond?", ["Will Smith/PERSON/given-name", "Russia/LOCATION/lexicon"],
         ["Will/PERSON/person-short-form"]),
        ("The Green family sued.", [], ["The Green/PERSON/given-name"]),
        // names spelled with a lower-case first letter, exactly as listed
        ("JNIM, an al-Qaeda affiliate, struck again.", ["al-Qaeda/ORGANIZATION/lexicon"], []),
        ("The de facto leader and the al-qaeda-style cell.", [], ["al-qaeda/ORGANIZATION/lexicon"]),
        // party members: the party
        ("Kemp, a Republican, met two Democrats.", ["Republican/ORGANIZATION/lexicon", "Democrats/ORGANIZATION/lexicon"], []),
        // headlines in capitals: no guessing from capitals
        ("RUSSIA AND UKRAINE HOLD TALKS IN ISTANBUL ON PRISONER EXCHANGE", [], ["HOLD TALKS/PERSON/given-name"]),
        // document consistency: later short forms link to the full name
        ("Lloyd Austin arrived. Austin said the situation was serious.", ["Austin/PERSON/person-short-form"], ["Austin/LOCATION/lexicon"]),
        ("Theresa May spoke. May told delegates to act.", ["May/PERSON/person-short-form"], []),
        ("The Quentin Valley Hockey League voted. Later the League fined two clubs.",
         ["Quentin Valley Hockey League/ORGANIZATION/org-keyword", "League/ORGANIZATION/org-short-form"], []),
        ("League officials voted. The Hockey League met.", [], ["League/ORGANIZATION/org-short-form"]),
        ("The Global Coalition met. He thanked Coalition partners. Coalition aircraft struck twice.",
         ["Global Coalition/ORGANIZATION/org-keyword", "Coalition/ORGANIZATION/org-short-form"], []),
        ("The Global Coalition met. Coalition talks stalled as the coalition split.", [], ["Coalition/ORGANIZATION/org-short-form"]),
        // a common-word place introduced once with a preposition counts elsewhere in the document
        ("Fans travelled to Reading on Saturday. Crowds in central Reading were large; Reading council agreed.",
         ["Reading/LOCATION/lexicon"], []),
        ("Reading is a hobby. Reading books helps.", [], ["Reading/LOCATION/lexicon"]),
        // a title before a word a lexicon knows as a town or region: a person
        ("Secretary Kerry met President Lincoln.", ["Kerry/PERSON/title-name", "Lincoln/PERSON/title-name"], ["Kerry/LOCATION/lexicon"]),
        ("The President visited Lincoln.", ["Lincoln/LOCATION/lexicon"], ["Lincoln/PERSON/title-name"]),
        // acronyms: call signs keep the digits the tokenizer split off; scale words do not
        ("The station 6PR broadcast the match.", ["6PR/ORGANIZATION/acronym"], ["PR/ORGANIZATION/acronym"]),
        ("Profits reached 5BN last year.", [], ["5BN/ORGANIZATION/acronym"]),
        // acronym: an unknown all-capital word is an organisation, unless it is a common abbreviation
        ("Officials from the ZRPQ said so.", ["ZRPQ/ORGANIZATION/acronym"], []),
        ("The QX&ZV railway opened.", ["QX&ZV/ORGANIZATION/acronym"], ["ZV/ORGANIZATION/acronym"]),
        ("M&A deals rose.", [], ["M&A/ORGANIZATION/acronym"]),
        ("A VBIED hit the convoy as GDP fell and the CEO resigned.", [],
         ["VBIED/ORGANIZATION/acronym", "GDP/ORGANIZATION/acronym", "CEO/ORGANIZATION/acronym"]),
        // known-surname: a notable person of the lists named by the surname alone
        ("Putin said Zelenskiy and Erdoğan would meet.",
         ["Putin/PERSON/known-surname", "Zelenskiy/PERSON/known-surname", "Erdoğan/PERSON/known-surname"], []),
        ("Harris and Kim said so.", [], ["Harris/PERSON/known-surname", "Kim/PERSON/known-surname"]),
        ("PUTIN SAID NO", [], ["PUTIN/PERSON/known-surname"]),
        // metonymy and nationality
        ("Moscow and Washington traded accusations; Ukrainian and South Korean officials agreed.",
         ["Moscow/LOCATION/lexicon", "Washington/LOCATION/lexicon", "Ukrainian/NATIONALITY/lexicon", "South Korean/NATIONALITY/lexicon"], []),
        ("The Kremlin said nothing.", ["Kremlin/ORGANIZATION/lexicon"], []),
    ]

    @Test("rule table", arguments: cases)
    func rules(_ text: String, _ expected: [String], _ forbidden: [String]) throws {
        let found = try recognized(text)
        for entity in expected { #expect(found.contains(entity), "\(entity) missing in \(found)") }
        for entity in forbidden { #expect(!found.contains(entity), "\(entity) found in \(found)") }
    }

    @Test("a document of one endless sentence gets every entity a short one gets (the rules stay linear)")
    func endlessSentence() throws {
        // A run of capitalised place names longer than any chunk of news (the long-list sort),
        // and titles before and after a name, all in one sentence (the title attachment).
        let places = try recognized(Array(repeating: "Paris", count: 600).joined(separator: " ") + " grew.")
        #expect(places.count == 600 && places.allSatisfy { $0.hasPrefix("Paris/LOCATION/") }, "\(places.prefix(5))")
        // An endless run of given names and surnames is no one person.
        let names = try recognized("They read " + String(repeating: "John Smith Mary Jones ", count: 300) + "aloud.")
        #expect(!names.contains { $0.contains("/PERSON/") && $0.split(separator: " ").count > 7 }, "\(names.prefix(3))")
        let unit = "Minister Tarvo Elmquist met the Minister and "
        let once = try recognized(unit + "left.")
        #expect(once.contains("Minister/TITLE/lexicon") && once.contains { $0.hasPrefix("Tarvo Elmquist/PERSON/") }, "\(once)")
        let titles = try recognized(String(repeating: unit, count: 400) + "left.")
        #expect(titles == Array(Array(repeating: once, count: 400).joined()), "\(titles.prefix(8))")
    }

    @Test("entities never overlap, even in a salad of names, titles, places and short forms")
    func entitiesNeverOverlap() throws {
        guard case let .success(lexicon)? = Fixtures.bundled else { return }
        let words = [
            "Volodymyr", "Greek", "Arctic", "Michael", "British", "Rubio", "Sunday", "Austin", "American-Statesman",
            "Free", "Dutch", "Submarines", "Coleman", "President", "the", "said", "of", "and", "(", ")", "NATO", "Kyiv",
            "Gen.", "Lloyd", "North", "Korea", "Bay", "Area", "Minister", "Foreign", "Paris", "Hilton", "Bank", "England",
            ",", ".", "ERA", "Party", "League", "Major", "St.", "Peter's", "Square", "USS", "R.", "Ford", "East", "Perth",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var text = ""
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += words[Int(state >> 33) % words.count] + " "
        }
        var document = try tokenized(text)
        try GazetteerStage(lexicon: lexicon).process(&document)
        let spans = document.entities.map(\.range).sorted { $0.start < $1.start }
        for index in spans.indices.dropFirst() {
            #expect(spans[index].start >= spans[index - 1].end, "overlap at \(spans[index - 1]) and \(spans[index])")
        }
    }

    @Test("an acronym defined once is one entity per mention, never two on one span")
    func acronymDefinitionOnce() throws {
        let found = try recognized("The European Union Agency for Railways (ERA) said ERA rules apply.")
        #expect(found.filter { $0 == "ERA/ORGANIZATION/acronym-definition" }.count == 2, "\(found)")
    }

    /// (text where the document confirms the name, the same name unconfirmed, the entity)
    static let confirmedNames: [(String, String, String)] = [
        // a company named inside a sentence
        ("Apple rose in price. Analysts said Apple had sold more phones.", "Apple rose in price. Analysts were pleased.",
         "Apple/ORGANIZATION/lexicon"),
        // a country named after a preposition
        ("A whole turkey costs $20. In Turkey, prices rose. Turkey grows hazelnuts.",
         "A whole turkey costs $20. Turkey grows hazelnuts.", "Turkey/LOCATION/lexicon"),
    ]

    @Test("a common-word name opens a sentence where the document confirms it elsewhere", arguments: confirmedNames)
    func confirmedAtSentenceStart(_ confirmed: String, _ unconfirmed: String, _ entity: String) throws {
        let found = try recognized(confirmed)
        #expect(found.filter { $0 == entity }.count == 2, "\(found)")
        let alone = try recognized(unconfirmed)
        #expect(!alone.contains(entity), "\(alone)")
    }

    @Test("a surname alone links to the one notable person of that name")
    func knownSurnameLinks() throws {
        guard case let .success(lexicon)? = Fixtures.bundled else { return }
        var document = try tokenized("Talks stalled. Putin said so, and President Erdogan agreed.")
        try GazetteerStage(lexicon: lexicon).process(&document)
        var found: [String: Entity] = [:]
        for entity in document.entities { found[document.text(of: entity.range)] = entity }
        #expect(found["Putin"]?.canonical?.name == "Vladimir Putin")
        #expect(found["Erdogan"]?.canonical?.name == "Recep Tayyip Erdoğan")
        #expect(found["Erdogan"]?.source.rule == "title-name")
    }

    @Test("the seed article's entities, with canonical links")
    func seedArticle() throws {
        guard case let .success(lexicon)? = Fixtures.bundled else { return }
        let text = """
            In an aggressive twist, the U.S. announced that North Korea has sent 3,000 soldiers to Russia. \
            Defense Secretary Lloyd Austin described it as serious. Ukrainian President Volodymyr Zelenskiy urged action. \
            South Korean lawmakers and NATO allies agreed; Moscow and Washington argued; North Korean troops and Russian \
            troops trained in eastern Ukraine. (Source: New York Times | CNN)
            """
        var document = try tokenized(text)
        try GazetteerStage(lexicon: lexicon).process(&document)
        var found: [String: Entity] = [:]
        for entity in document.entities { found[document.text(of: entity.range)] = entity }
        let expected: [(String, EntityLabel, String?)] = [
            ("U.S.", .location, "iso3166:US"), ("North Korea", .location, "iso3166:KP"), ("Russia", .location, "iso3166:RU"),
            ("Ukraine", .location, "iso3166:UA"), ("Defense Secretary", .title, nil), ("Lloyd Austin", .person, nil),
            ("Ukrainian", .nationality, "iso3166:UA"), ("President", .title, nil), ("Volodymyr Zelenskiy", .person, nil),
            ("South Korean", .nationality, "iso3166:KR"), ("North Korean", .nationality, "iso3166:KP"),
            ("Russian", .nationality, "iso3166:RU"), ("NATO", .organization, nil), ("Moscow", .location, nil),
            ("Washington", .location, nil), ("New York Times", .organization, nil), ("CNN", .organization, nil),
        ]
        for (text, label, id) in expected {
            let entity = try #require(found[text], "\(text) not found")
            #expect(entity.label == label, "\(text)")
            if let id { #expect(entity.canonical?.id == id, "\(text)") }
        }
        #expect(found["Moscow"]?.features["metonym"] == "government")
    }
}
