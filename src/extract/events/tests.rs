//! The forms of events the extractor reads, one test per form, in
//! sentences written for the test.

use crate::extract::{Context, EventKind};

fn events(t: &str) -> Vec<(EventKind, String)> {
    let ex = crate::extract::bundled().extract_str(t, &Context::default());
    ex.events.iter().map(|e| (e.kind, ex.mentions[e.place].label.clone())).collect()
}

#[test]
fn frames_give_way_to_the_places_they_frame() {
    let e = events("We condemn the attacks in Europe - Saint Petersburg, Stockholm and London.");
    let places: Vec<&str> = e.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(places, ["Saint Petersburg", "Stockholm", "London"]);
    let e = events("the attacks in West Africa, especially in Burkina Faso, Mali and the Niger.");
    assert_eq!(e.len(), 3, "{e:?}");
    assert!(e.iter().all(|x| x.1 != "West Africa"), "{e:?}");
}

#[test]
fn a_place_listed_after_an_event_is_not_its_place() {
    let e = events("as in Africa, with the attack in Alexandria, in Asia, with the attacks in Kabul and Manila.");
    let places: Vec<&str> = e.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(places, ["Alexandria", "Kabul", "Manila"]);
    let e = events("The terrorist acts have been as widespread in Europe - Saint Petersburg, London - as in Africa.");
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(events("the return of fighters who, under their instigators in Syria and Afghanistan, commit terrorist acts").is_empty());
}

#[test]
fn coordinated_places_all_count() {
    let e = events("during his visit to Israel and the Palestinian territories on 22 January.");
    assert!(e.contains(&(EventKind::Meeting, "Israel".to_string())), "{e:?}");
}

#[test]
fn topics_are_not_places() {
    assert!(events("dialogue should continue on issues related to North-East Asia and the Middle East.").is_empty());
    assert!(events("the talks on the Grand Ethiopian Renaissance Dam resumed.").is_empty());
    assert!(events("the talks broken off after the deployment of missiles in Western Europe.").is_empty());
}

#[test]
fn places_before_the_trigger_and_things_held() {
    let e = events("In the Sahel and the Lake Chad basin, Boko Haram continues to attack security forces.");
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e.iter().all(|x| x.0 == EventKind::Attack));
    let e = events("It is essential that the efforts recently held in Jeddah continue, and the open debate taking place today in the Security Council.");
    assert_eq!(e, vec![(EventKind::Meeting, "Jeddah".to_string())]);
    assert!(events("The elections held in Kabul were peaceful.").is_empty());
    assert!(events("The Houthis launched ballistic missiles on residential areas in the city of Ma'rib.").is_empty());
    assert!(events("the talks on resolving the conflict in Yemen").is_empty());
    let e = events("the horrific terrorist attack that took place in Tehran on 7 June");
    assert_eq!(e, vec![(EventKind::Attack, "Tehran".to_string())]);
}

fn places(e: &[(EventKind, String)], kind: EventKind) -> Vec<&str> {
    e.iter().filter(|x| x.0 == kind).map(|x| x.1.as_str()).collect()
}

#[test]
fn an_aggression_or_attack_against_a_state_is_an_attack_there() {
    let e = events("The Assembly must halt the aggression committed against Jordan by the invading forces.");
    assert_eq!(places(&e, EventKind::Attack), ["Jordan"]);
    let e = events("We demand an end to this armed attack against the territorial integrity of the Republic of Ghana.");
    assert_eq!(places(&e, EventKind::Attack), ["Ghana"]);
    // Before an aggression a place names its author, not its target.
    assert!(events("Figures prove beyond doubt Israel aggression in the region.").is_empty());
}

#[test]
fn a_bombing_or_invasion_of_a_place_is_an_attack_on_it() {
    let e = events("The cessation of the bombing of North Viet-Nam raised new hopes.");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, EventKind::Attack);
    let e = events("Troops must stop the bombing of the innocent people of Cambodia at once.");
    assert_eq!(places(&e, EventKind::Attack), ["Cambodia"]);
    let e = events("The world cannot accept the invasion and annexation of Kuwait.");
    assert_eq!(places(&e, EventKind::Attack), ["Kuwait"]);
    let e = events("We recall the repeated incursions into Zambia from the south.");
    assert_eq!(places(&e, EventKind::Attack), ["Zambia"]);
}

#[test]
fn transitive_verbs_take_the_place_as_object() {
    let e = events("Last year foreign aircraft bombed Hanoi without warning.");
    assert_eq!(places(&e, EventKind::Attack), ["Hanoi"]);
    let e = events("A Special Mission of the Committee visited Lusaka in April.");
    assert_eq!(places(&e, EventKind::Meeting), ["Lusaka"]);
}

#[test]
fn meetings_told_in_the_past_tense() {
    let e = events("The Foreign Ministers of the region met in Nairobi, Kenya, last month.");
    assert_eq!(places(&e, EventKind::Meeting), ["Nairobi"]);
    let e = events("Our Heads of State met jointly for the first time at Accra and adopted a declaration.");
    assert_eq!(places(&e, EventKind::Meeting), ["Accra"]);
    let e = events("The Conference on the Law of the Sea, held at Caracas in 1974, made progress.");
    assert_eq!(places(&e, EventKind::Meeting), ["Caracas"]);
    let e = events("This opened the way to the convening at Vienna of a new round of negotiations.");
    assert_eq!(places(&e, EventKind::Meeting), ["Vienna"]);
    let e = events("We welcome the agreements recently signed in Lusaka by the parties.");
    assert_eq!(places(&e, EventKind::Meeting), ["Lusaka"]);
    // Needs are met, challenges are met, petitions are signed: no gathering.
    assert!(events("Their needs were met in Africa only in part.").is_empty());
    assert!(events("We must meet the challenges in Africa together.").is_empty());
    assert!(events("Millions of people have signed it in Kenya.").is_empty());
    assert!(events("The struggle taking place in Asia deserves support.").is_empty());
}

#[test]
fn a_city_named_before_a_meeting_word_is_its_venue() {
    let e = events("The Belgrade Conference of 1961 marked our community.");
    assert_eq!(places(&e, EventKind::Meeting), ["Belgrade"]);
    // Even when a place of another clause follows the trigger.
    let e = events("the convening of the Geneva Conference gave rise to hopes shattered by operations conducted in Laos");
    assert_eq!(places(&e, EventKind::Meeting), ["Geneva"]);
}

#[test]
fn record_citations_and_conference_subjects_are_no_venues() {
    assert!(events("Since my address last year [2010th meeting] the movements in Angola and Mozambique have gained ground.").is_empty());
    assert!(events("the 9th plenary meeting in the Hall").is_empty());
    let e = events("the convening at Oslo of the Conference on Confidence-building Measures and Disarmament in Europe");
    assert_eq!(places(&e, EventKind::Meeting), ["Oslo"]);
    // A state after the subject is the venue still.
    let e = events("the recently concluded International Conference on Small Island States in Mauritius");
    assert_eq!(places(&e, EventKind::Meeting), ["Mauritius"]);
}

#[test]
fn the_attacks_of_11_september_by_the_cities_hit() {
    let e = events("We condemn the attacks on New York and Washington of 11 September 2001.");
    assert_eq!(places(&e, EventKind::Attack).len(), 2, "{e:?}");
    let e = events("criminal acts such as those of 11 September 2001 in New York and 11 March in Madrid");
    assert!(places(&e, EventKind::Attack).contains(&"New York"), "{e:?}");
    // Another 11 September is another day.
    assert!(events("on 11 September 1973 in Santiago").is_empty());
}

#[test]
fn one_attack_per_listed_place_and_clauses_end_lists() {
    let e = events("the recent bombings which claimed hundreds of lives in Nairobi, Dar es Salaam, Cape Town and Northern Ireland.");
    assert_eq!(places(&e, EventKind::Attack), ["Nairobi", "Dar es Salaam", "Cape Town", "Northern Ireland"]);
    // A place after a bare comma that starts the next clause is its subject.
    let e = events("A few hours after the attack on Pearl Harbor, the Dominican Republic declared war.");
    assert_eq!(places(&e, EventKind::Attack), ["Pearl Harbor"]);
    // A semicolon ends the clause.
    let e = events("it protected Greece from incursions in 1947; it averted bloodshed in Kashmir");
    assert!(e.is_empty(), "{e:?}");
}

/// Events on hostile shapes of text cost linear time: a list of places
/// after one trigger and a run of triggers and weak verbs, each timed at 1,
/// 2 and 4 times its size (by hand: `cargo test --release --lib
/// events_scale -- --ignored --nocapture`; a benchmark, not a timed
/// assertion).
#[test]
#[ignore]
fn events_scale_linearly() {
    for scale in [1, 2, 4] {
        let mut list = String::from("the attacks in ");
        for _ in 0..5_000 * scale {
            list.push_str("Kabul, Herat, ");
        }
        list.push_str("and Kandahar");
        let mut run = String::new();
        while run.len() < 100_000 * scale {
            run.push_str("the attack held in the conference met ");
        }
        for (what, text) in [("list", &list), ("triggers", &run)] {
            let started = std::time::Instant::now();
            let n = events(text).len();
            println!("{what} x{scale}: {} bytes, {n} events in {:.3} s", text.len(), started.elapsed().as_secs_f64());
        }
    }
}

#[test]
fn officials_going_somewhere_meet_there_and_refugees_do_not() {
    let e = events("This prompted the President of the Lebanese Republic to go to Damascus and the capitals of the Arab States.");
    assert_eq!(e, [(EventKind::Meeting, "Damascus".to_string())]);
    let e = events("Last week the Special Envoy travelled to Bamako.");
    assert_eq!(e, [(EventKind::Meeting, "Bamako".to_string())]);
    assert!(events("Thousands of refugees went to Pakistan.").is_empty());
    assert!(events("When we speak of solidarity, our thoughts go to Honduras.").is_empty());
}
