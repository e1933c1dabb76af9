# language: nl
Functionaliteit: Verzoek tot onderzoek door de Raad voor de Kinderbescherming
  Het college of Veilig Thuis mag de Raad om onderzoek vragen als een minderjarige ernstig
  in zijn ontwikkeling wordt bedreigd en vrijwillige hulp is geweigerd of niet genoeg is
  (art. 2.4 Jeugdwet, art. 1:255 BW). De kinderrechter beslist.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Bedreigd kind, vrijwillige hulp mislukt
    Gegeven de personen:
      | id | leeftijd | rol  | ontwikkeling bedreigd | vrijwillige hulp mislukt |
      | P4 | 13       | kind | ja                    | ja                       |
    Als de casus wordt beoordeeld
    Dan is "I19" juridisch mogelijk
    En heeft "I19" het zorgpunt "art-8-evrm"

  Scenario: Vrijwillige hulp loopt nog
    Gegeven de personen:
      | id | leeftijd | rol  | ontwikkeling bedreigd | vrijwillige hulp mislukt |
      | P4 | 13       | kind | ja                    | nee                      |
    Als de casus wordt beoordeeld
    Dan is "I19" juridisch niet mogelijk

  Scenario: De ontwikkeling is niet ernstig bedreigd
    Gegeven de personen:
      | id | leeftijd | rol  | ontwikkeling bedreigd | vrijwillige hulp mislukt |
      | P4 | 13       | kind | nee                   | ja                       |
    Als de casus wordt beoordeeld
    Dan is "I19" juridisch niet mogelijk

  Scenario: Geen minderjarige
    Gegeven de personen:
      | id | leeftijd | ontwikkeling bedreigd | vrijwillige hulp mislukt |
      | P1 | 19       | ja                    | ja                       |
    Als de casus wordt beoordeeld
    Dan is "I19" juridisch niet mogelijk
    En heeft "I19" niet het zorgpunt "art-8-evrm"

  Scenario: Onbekend of vrijwillige hulp heeft gefaald
    Gegeven de personen:
      | id | leeftijd | rol  | ontwikkeling bedreigd |
      | P4 | 13       | kind | ja                    |
    Als de casus wordt beoordeeld
    Dan is "I19" juridisch onbekend
    En vraagt het advies "vrijwillige hulp"
