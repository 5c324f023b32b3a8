import Testing
@testable import BylineAnalysis

/// One entity rule per test, on invented sentences.
struct EntityRecognizerTests {
    func entities(_ text: String) -> [Entity] { ArticleAnalyzer.analyzeStory(text).entities }
    func entity(_ name: String, in text: String) -> Entity? { entities(text).first { $0.name == name } }

    @Test func laterSurnameIsAnAliasOfTheFullName() {
        let found = entities("Kremlin aide Oleg Petrov spoke on Monday. Petrov said talks would go on.")
        let people = found.filter { $0.type == .person }
        #expect(people.map(\.name) == ["Oleg Petrov"])
        #expect(people.first?.aliases == ["Petrov"])
        #expect(people.first?.spans.count == 2)
    }

    @Test func titlesAreRolesNotNames() {
        let e = entity("Ivan Sokolov", in: "Russian President Ivan Sokolov met students. President Sokolov later left.")
        #expect(e?.type == .person)
        #expect(e?.roles.contains("Russian President") == true)
        #expect(e?.aliases.contains("Sokolov") == true)
        #expect(e?.aliases.contains("President Sokolov") == true)
        #expect(e?.aliases.contains("Russian President Ivan Sokolov") == true)
    }

    @Test func lowercaseRoleAfterAnOrganisation() {
        let e = entity("Oleg Petrov", in: "Kremlin aide Oleg Petrov spoke to reporters.")
        #expect(e?.roles == ["Kremlin aide"])
        #expect(entity("Kremlin", in: "Kremlin aide Oleg Petrov spoke to reporters.")?.type == .organization)
    }

    @Test func countriesAndAbbreviations() {
        let found = entities("The U.S. and Britain met Iran in Oman.")
        #expect(found.first { $0.name == "United States" }?.type == .location)
        #expect(found.first { $0.name == "United Kingdom" }?.type == .location)
        #expect(found.first { $0.name == "Iran" }?.type == .location)
        #expect(found.first { $0.name == "Oman" }?.type == .location)
    }

    @Test func seatOfGovernmentUsedAsActorIsAnOrganisation() {
        #expect(entity("Tehran", in: "In response, Tehran launched a wave of drones.")?.type == .organization)
        #expect(entity("Tehran", in: "Rescuers worked at the scene in Tehran on Friday.")?.type == .location)
        #expect(entity("Kremlin", in: "The Kremlin said the call was useful.")?.type == .organization)
    }

    @Test func organisationWordsAndAcronyms() {
        let found = entities("The International Criminal Court ruled on Monday. The ICC said it would appeal.")
        let court = found.first { $0.name == "International Criminal Court" }
        #expect(court?.type == .organization)
        #expect(court?.aliases.contains("ICC") == true)
        #expect(found.count == 1)
    }

    @Test func ofJoinsOrganisationNamesButNotAPersonAndACountry() {
        let found = entities("Kenji Morita of Japan beat a rival from the University of Kabul.")
        #expect(found.contains { $0.name == "Kenji Morita" && $0.type == .person })
        #expect(found.contains { $0.name == "Japan" && $0.type == .location })
        #expect(found.contains { $0.name == "University of Kabul" && $0.type == .organization })
    }

    @Test func partyLabelsMentionTheState() {
        let found = entities("Sen. Dana Holt, R-Neb., spoke first.")
        #expect(found.contains { $0.name == "Nebraska" && $0.type == .location })
        #expect(found.contains { $0.name == "Dana Holt" && $0.type == .person })
    }

    @Test func datelineCapitalsAreLocations() {
        #expect(entity("London", in: "LONDON (AP) — The vote was held on Monday.")?.type == .location)
    }

    @Test func headlineCaseLinesDoNotInventPeople() {
        #expect(entities("Woman Found Dead After Crash Near Highway\nThe road was closed.").filter { $0.type == .person }.isEmpty)
    }

    @Test func demonymsAndSentenceOpenersAreNotEntities() {
        #expect(entities("Russian officials and Iranian diplomats met. However, nothing changed.").isEmpty)
    }

    @Test func placeWithSuffix() {
        #expect(entity("London", in: "A London-based charity said it would help.")?.type == .location)
    }

    @Test func officeNamedByItsTitleIsAnOrganisation() {
        let found = entities("The United Nations High Commissioner for Human Rights said the move was illegal.")
        #expect(found.contains { $0.name == "United Nations High Commissioner for Human Rights" && $0.type == .organization })
    }

    @Test func titleWithOfIsARole() {
        let e = entity("Mike Dalton", in: "US Secretary of State Mike Dalton spoke on Monday.")
        #expect(e?.type == .person)
        #expect(e?.roles == ["US Secretary of State"])
        #expect(entity("United States", in: "US Secretary of State Mike Dalton spoke on Monday.")?.type == .location)
    }

    @Test func shortGivenNameIsAnAliasOfTheFullName() {
        let people = entities("Patrick Carr Jr. was sentenced. Pat Carr had called the office.").filter { $0.type == .person }
        #expect(people.count == 1)
        #expect(people.first?.name == "Patrick Carr Jr.")
        #expect(people.first?.aliases.contains("Pat Carr") == true)
    }

    @Test func cityNameThatIsASurnameFollowsThePerson() {
        let found = entities("Browns DL Mark Richardson was angry. Richardson said the hit was late.")
        #expect(found.first { $0.name == "Mark Richardson" }?.aliases.contains("Richardson") == true)
        #expect(!found.contains { $0.type == .location && $0.name == "Richardson" })
    }

    @Test func personOfCountry() {
        #expect(entity("Raven Klaasen", in: "Raven Klaasen of South Africa won the final.")?.type == .person)
    }

    @Test func organisationNounBeforeAName() {
        #expect(entity("Full Fact", in: "Will Moy, head of the fact-checking website Full Fact, spoke.")?.type == .organization)
    }

    @Test func nameAfterAPossessiveCountry() {
        let found = entities("Serbia’s Dusan Lajovic and Britain's Kyle Edmund won.")
        #expect(found.contains { $0.name == "Dusan Lajovic" && $0.type == .person })
        #expect(found.contains { $0.name == "Serbia" && $0.type == .location })
    }
}
