//! Acts on sentences written after ACTS.md's examples: who performs them,
//! and what they are directed at.

use super::{ActKind, Target};
use crate::extract::{bundled, Context};

/// The acts of `text` spoken for `state`, as (kind, target label or "-").
fn acts(text: &str, state: &str) -> Vec<(&'static str, String)> {
    let ctx = Context { speaker_state: Some(state.to_owned()), ..Context::default() };
    let ex = bundled().extract_str(text, &ctx);
    ex.acts
        .iter()
        .map(|a| {
            let target = match a.target {
                Target::None => "-".to_owned(),
                Target::Mention(i) => ex.mentions[i].key.clone(),
                Target::Event(i) => format!("attack@{}", ex.mentions[ex.events[i].place].label),
                Target::Addressee => format!("chair:{}", ex.addressee.as_deref().unwrap_or("?")),
            };
            (a.kind.name(), target)
        })
        .collect()
}

fn has(found: &[(&str, String)], kind: &str, target: &str) -> bool {
    found.iter().any(|(k, t)| *k == kind && t == target)
}

#[test]
fn performed_acts_are_found() {
    let a = acts("We condemn terrorism in all its forms and manifestations.", "KAZ");
    assert_eq!(a, [("condemn", "-".to_owned())]);
    let a = acts("Kazakhstan condemns terrorism in all its forms.", "KAZ");
    assert_eq!(a, [("condemn", "-".to_owned())]);
    let a = acts("I would like to thank Viet Nam for convening this debate.", "NOR");
    assert_eq!(a, [("thank", "VNM".to_owned())]);
    let a = acts("Sincere appreciation to the Chinese presidency for its stewardship.", "KAZ");
    assert_eq!(a, [("thank", "CHN".to_owned())]);
    assert_eq!(ActKind::Concern.name(), "concern");
}

#[test]
fn reported_hypothetical_and_negated_acts_are_not() {
    assert!(acts("The Secretary-General condemns the attack in Kabul.", "KAZ").is_empty());
    assert!(acts("He called for unity among Member States.", "KAZ").is_empty());
    assert!(acts("France welcomes the agreement reached in Doha.", "KAZ").is_empty());
    assert!(acts("We would not welcome such a step.", "KAZ").is_empty());
    assert!(acts("We do not support that approach.", "KAZ").is_empty());
    assert!(acts("If we condemn one side, we lose both.", "KAZ").is_empty());
    assert!(acts("We have condemned such acts before.", "KAZ").is_empty());
    assert!(acts("The resolution, which welcomes the progress made, was adopted.", "KAZ").is_empty());
}

#[test]
fn the_speakers_own_side_is_the_speaker() {
    assert_eq!(acts("My delegation welcomes the adoption of resolution 2370 (2017).", "KAZ"), [("welcome", "2370".to_owned())]);
    assert_eq!(acts("The delegation of Kazakhstan welcomes the adoption of resolution 2370 (2017).", "KAZ"), [("welcome", "2370".to_owned())]);
    assert_eq!(acts("Our delegation offers its condolences to Afghanistan for the attack.", "KAZ"), [("condole", "AFG".to_owned())]);
    let ctx = Context { speaker_organisation: Some("EU".to_owned()), ..Context::default() };
    let ex = bundled().extract_str("The European Union calls on all parties to exercise restraint.", &ctx);
    assert_eq!(ex.acts.len(), 1, "{:?}", ex.acts);
    let ex = bundled().extract_str("The European Union calls on all parties to exercise restraint.", &Context::default());
    assert!(ex.acts.is_empty(), "{:?}", ex.acts);
    let a = acts("I speak on behalf of the Nordic countries. The Nordic countries call for a renewed mobilization.", "NOR");
    assert_eq!(a, [("call", "-".to_owned())]);
}

#[test]
fn windows_never_split_a_character() {
    // Byte windows after a cue or a concern must end on a char boundary.
    for pad in 0..4 {
        let text = format!("We call on {}all parties — {}", "x".repeat(pad), "é—".repeat(200));
        let _ = acts(&text, "KAZ");
        let text = format!("We are concerned about {}{}", "x".repeat(pad), "—".repeat(120));
        let _ = acts(&text, "KAZ");
    }
}

#[test]
fn targets_follow_the_guidelines() {
    // Thanking a person for a report is one act, to the person.
    let a = acts("I thank the Bolivian presidency for convening today's briefing, and Secretary-General Guterres for his comprehensive report (S/2017/467) on the Islamic State in Iraq and the Levant.", "KAZ");
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(has(&a, "thank", "BOL") && a.iter().any(|(k, t)| *k == "thank" && t.contains("guterres")), "{a:?}");
    // An unnamed office targets nothing.
    assert_eq!(acts("We thank the Secretary-General for his report.", "KAZ"), [("thank", "-".to_owned())]);
    // An attack with its place, else the perpetrator, else nothing.
    if !crate::gazetteer::gazetteer().places.is_empty() {
        assert_eq!(acts("We condemn the terrorist attack in Kabul.", "KAZ"), [("condemn", "attack@Kabul".to_owned())]);
        let a = acts("Our delegation offers its condolences to Afghanistan for the most recent terrorist attack in Herat province and we condemn the attack in the strongest terms.", "KAZ");
        assert!(has(&a, "condemn", "attack@Herat") && has(&a, "condole", "AFG"), "{a:?}");
    }
    let a = acts("We condemn the attack carried out by Al-Shabaab.", "KAZ");
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(a[0].1 != "-", "{a:?}");
    assert_eq!(acts("We strongly condemn the resurgence of violence in the north by all parties.", "DEU"), [("condemn", "-".to_owned())]);
    // Calls name whom they call on; lists all count; "to" ends the object.
    let a = acts("We call on the Israeli authorities to halt settlement activity.", "FRA");
    assert_eq!(a, [("call", "ISR".to_owned())]);
    let a = acts("We support the efforts of the Russian Federation and China.", "KAZ");
    assert!(has(&a, "support", "RUS") && has(&a, "support", "CHN"), "{a:?}");
    assert_eq!(acts("We fully support efforts to reform the United Nations system.", "NOR"), [("support", "-".to_owned())]);
    // Shared objects and pronouns.
    let a = acts("Let me congratulate the Permanent Representative of Pakistan for his stewardship and to thank him for convening this meeting.", "KAZ");
    assert!(has(&a, "congratulate", "PAK") && has(&a, "thank", "PAK"), "{a:?}");
}

/// What acts add to extraction on unsc-2020, by hand:
/// `cargo test --release --lib acts_throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn acts_throughput() {
    use crate::text::normalize;
    let Ok(dir) = std::fs::read_dir("/work/shared/corpus/unsc-2020/speeches") else {
        println!("skipped: the unsc-2020 corpus is absent");
        return;
    };
    let texts: Vec<_> = dir
        .flatten()
        .map(|e| normalize(&String::from_utf8_lossy(&std::fs::read(e.path()).unwrap_or_default()), 0))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.text.len()).sum();
    let ctx = Context { speaker_state: Some("KAZ".into()), ..Context::default() };
    let t0 = std::time::Instant::now();
    let found: Vec<_> = texts.iter().map(|t| crate::extract::bundled().extract(t, &ctx)).collect();
    let all = t0.elapsed().as_secs_f64();
    let t1 = std::time::Instant::now();
    let mut n = 0;
    for (t, ex) in texts.iter().zip(&found) {
        let sp = super::Speaker::new(&t.text, &ex.mentions, Some("KAZ".into()), None);
        n += super::find(&t.text, &ex.mentions, &ex.events, &sp).len();
    }
    let acts = t1.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!("extraction with acts: {mb:.2} MB in {all:.2} s ({:.1} MB/s); acts alone: {acts:.2} s ({:.1} MB/s, {:.0}% of extraction), {n} acts", mb / all, mb / acts, 100.0 * acts / all);
}

#[test]
fn the_uns_own_forms_perform_acts() {
    // Passive and impersonal forms whose performer is plainly the speaker.
    assert_eq!(acts("Such acts of terror must be condemned in the strongest terms.", "KAZ"), [("condemn", "-".to_owned())]);
    assert_eq!(acts("It is encouraging that the parties have resumed their talks.", "KAZ"), [("welcome", "-".to_owned())]);
    assert_eq!(acts("It is worrying that violence continues unabated.", "KAZ"), [("concern", "-".to_owned())]);
    assert_eq!(acts("The fate of the refugees is a source of grave concern.", "KAZ"), [("concern", "-".to_owned())]);
    let a = acts("Mexico deserves our appreciation for its leadership.", "KAZ");
    assert_eq!(a, [("thank", "MEX".to_owned())]);
    assert_eq!(acts("We note with satisfaction the progress achieved so far.", "KAZ"), [("welcome", "-".to_owned())]);
    assert_eq!(acts("My delegation regrets that the talks have stalled.", "KAZ"), [("concern", "-".to_owned())]);
    assert_eq!(acts("Let us work together for a better future.", "KAZ"), [("call", "-".to_owned())]);
    // Solidarity with a people is support; with victims, condolence.
    assert_eq!(acts("We stand in solidarity with the people of Cuba.", "VNM"), [("support", "CUB".to_owned())]);
    assert_eq!(acts("We express our solidarity with the victims of the floods in Pakistan.", "VNM")[0].0, "condole");
    // Frames that are no act of their own.
    assert!(acts("The parties concerned must show restraint.", "KAZ").is_empty());
    assert!(acts("Thanks to the efforts of Mexico, the talks resumed.", "KAZ").is_empty());
    assert!(acts("The country, thank God, is at peace.", "KAZ").is_empty());
    assert_eq!(acts("I am pleased to extend to you, Sir, on behalf of my delegation, sincere congratulations on your election.", "LBR"), [("congratulate", "-".to_owned())]);
}

#[test]
fn subjects_the_speaker_stands_for() {
    assert_eq!(acts("The Kingdom supports the efforts of Egypt.", "SAU"), [("support", "EGY".to_owned())]);
    assert_eq!(acts("I join others in thanking Belgium for convening this meeting.", "GBR"), [("thank", "BEL".to_owned())]);
    assert_eq!(acts("Rwanda joins with the nations that have spoken before it in paying tribute to Ghana.", "RWA"), [("thank", "GHA".to_owned())]);
    assert_eq!(acts("It is a great pleasure to welcome Vanuatu to this Assembly.", "FJI"), [("welcome", "VUT".to_owned())]);
    assert_eq!(acts("A warm welcome is also extended to Tonga.", "FJI"), [("welcome", "TON".to_owned())]);
}

#[test]
fn targets_of_lists_offices_and_references() {
    // "in particular" singles out an addressee.
    let a = acts("We call on all parties, in particular the Government of Mali, to respect the ceasefire.", "FRA");
    assert!(has(&a, "call", "MLI"), "{a:?}");
    // A person's state is no second target.
    let a = acts("I thank Mr. Peter Thomson of Fiji for his stewardship.", "IDN");
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(a[0].1.contains("thomson"), "{a:?}");
    // New Members are welcomed, and "these delegations" refers back to them.
    let a = acts("The Liberian delegation welcomes the entry into the United Nations of Bahrain, Bhutan and Qatar and extends to these delegations its sincere felicitations.", "LBR");
    for code in ["BHR", "BTN", "QAT"] {
        assert!(has(&a, "welcome", code) && has(&a, "congratulate", code), "{code}: {a:?}");
    }
    // A call for something about a state targets the state.
    assert_eq!(acts("We call for the lifting of the embargo on Cuba, which harms its people.", "VNM"), [("call", "CUB".to_owned())]);
    // An aside between the verb and whom it calls on.
    assert_eq!(acts("We urge, in this regard, the Government of Mali to respect the ceasefire.", "FRA"), [("call", "MLI".to_owned())]);
    // Colleagues from a state are the state.
    let a = acts("I thank our colleagues from China and the Dominican Republic for their stewardship.", "RUS");
    assert!(has(&a, "thank", "CHN") && has(&a, "thank", "DOM"), "{a:?}");
}

/// Acts on hostile shapes of text cost linear time: one sentence of
/// 100,000 characters full of cues, and a speech that is one list of 5,000
/// names thanked, each timed at 1, 2 and 4 times its size (by hand:
/// `cargo test --release --lib acts_scale -- --ignored --nocapture`; a
/// benchmark, not a timed assertion).
#[test]
#[ignore]
fn acts_scale_linearly() {
    let ctx = Context { speaker_state: Some("KAZ".into()), ..Context::default() };
    let clause = "we welcome the efforts of Mexico and call on all parties to support Chile, ";
    let names = ["Mexico", "Chile", "Peru", "Ghana", "Kenya", "Nepal", "Japan", "Spain"];
    for scale in [1, 2, 4] {
        let sentence = format!("We thank {}and we condemn terrorism.", clause.repeat(100_000 * scale / clause.len()));
        // Family names spelt from the number, in letters: "Mr. Bac of Chile".
        let family = |mut i: usize| {
            let mut s = String::from("K");
            while i > 0 || s.len() < 3 {
                s.push(['a', 'e', 'i', 'o', 'u'][i % 5]);
                s.push(['b', 'd', 'l', 'm', 'n', 'r', 's', 't'][(i / 5) % 8]);
                i /= 40;
            }
            s
        };
        let list: Vec<String> = (0..5_000 * scale).map(|i| format!("Mr. {} of {}", family(i), names[i % names.len()])).collect();
        let list = format!("We thank {}.", list.join(", "));
        for (what, text) in [("sentence", &sentence), ("list", &list)] {
            let t0 = std::time::Instant::now();
            let ex = bundled().extract_str(text, &ctx);
            let all = t0.elapsed().as_secs_f64();
            let t1 = std::time::Instant::now();
            let sp = super::Speaker::new(text, &ex.mentions, Some("KAZ".into()), None);
            let n = super::find(text, &ex.mentions, &ex.events, &sp).len();
            let acts = t1.elapsed().as_secs_f64();
            println!("{what} x{scale}: {} chars, {} mentions, {n} acts; extraction {all:.3} s, of which acts {acts:.3} s", text.chars().count(), ex.mentions.len());
        }
    }
}

#[test]
fn gerunds_passives_predicates_and_taken_up_calls_are_acts() {
    assert_eq!(acts("We would like to begin by applauding the efforts of Special Representative Salame in Libya.", "DOM"), [("welcome", "ghassan-salame".to_owned())]);
    assert_eq!(acts("We join other delegations in calling on the parties concerned to show more political will.", "CHN"), [("call", "-".to_owned())]);
    assert_eq!(acts("We reiterate the call for the lifting of unilateral coercive measures on Syria.", "ZAF"), [("call", "SYR".to_owned())]);
    assert_eq!(acts("Algeria made arrangements for the passengers, and is to be commended for doing so.", "MWI"), [("thank", "DZA".to_owned())]);
    assert_eq!(acts("A modification of extreme positions must be encouraged.", "LBR"), [("call", "-".to_owned())]);
    assert_eq!(acts("The highest praise is due to the United Nations.", "VEN"), [("thank", "UN".to_owned())]);
    assert_eq!(acts("The positive reaction from all sides is encouraging.", "DEU"), [("welcome", "-".to_owned())]);
    assert_eq!(acts("Security problems are great and worrying.", "NER"), [("concern", "-".to_owned())]);
    assert_eq!(acts("We express our profound regret at Israel's appropriation of land.", "SWE"), [("concern", "ISR".to_owned())]);
    assert_eq!(acts("We can only deplore the actions of South Africa.", "HTI"), [("condemn", "ZAF".to_owned())]);
    assert_eq!(acts("It is our consistent position to support a political solution.", "CHN"), [("support", "-".to_owned())]);
    assert_eq!(acts("We stand in support of Cuba.", "VEN"), [("support", "CUB".to_owned())]);
    assert_eq!(acts("We are willing to continue providing assistance to Syria and call on other countries to do the same.", "CHN"), [("call", "-".to_owned())]);
    // Not the speaker's: a reported cause, a progressive verb, a hope.
    assert!(acts("Such behaviour has encouraged Israel to continue.", "SYR").is_empty());
    assert!(acts("The mission is encouraging the parties to talk.", "FRA").is_empty());
    assert!(acts("We hope that Iraq will act and call on Syria to act.", "FRA").is_empty());
}

#[test]
fn you_and_the_presidency_address_the_state_presiding() {
    let ctx = Context { speaker_state: Some("SYR".to_owned()), addressee: Some("DOM".to_owned()), ..Context::default() };
    let found = |text: &str| {
        let ex = bundled().extract_str(text, &ctx);
        ex.acts.iter().map(|a| (a.kind.name(), a.target)).collect::<Vec<_>>()
    };
    assert_eq!(found("I would like to congratulate you, Sir, on presiding over the Security Council this month."), [("congratulate", Target::Addressee)]);
    assert_eq!(found("I thank the presidency for convening this meeting."), [("thank", Target::Addressee)]);
    assert!(found("Thank you for your attention.").iter().all(|(_, t)| *t != Target::Addressee));
    // Without a presidency (outside the Council) "you" stays unnamed.
    let ex = bundled().extract_str("I congratulate you on presiding.", &Context::default());
    assert!(ex.acts.iter().all(|a| a.target != Target::Addressee));
}

#[test]
fn the_government_is_the_state_a_speech_is_about() {
    let a = acts("The situation in Iraq is difficult. Iraq needs help. We encourage the Government to pursue accountability.", "VCT");
    assert!(has(&a, "call", "IRQ"), "{a:?}");
    // Two states as often: whose Government is not known.
    let a = acts("Iraq and Iran met. Iraq and Iran agreed. We encourage the Government to pursue accountability.", "VCT");
    assert!(has(&a, "call", "-"), "{a:?}");
}

#[test]
fn it_continues_the_speakers_state_and_to_continues_an_infinitive() {
    assert!(has(&acts("Kazakhstan has always supported the process. It strongly reaffirms its solidarity with the people of Lebanon.", "KAZ"), "support", "LBN"));
    assert!(acts("Germany visited Mali. It strongly condemns the attack.", "KAZ").is_empty());
    assert!(has(&acts("I have the honour to convey the greetings of my President and to congratulate you, Sir, on your election.", "KAZ"), "congratulate", "-"));
}

#[test]
fn a_second_object_with_its_own_for_and_an_adverb_before_the_object() {
    assert!(has(&acts("I thank the Secretary-General for his opening remarks and Mr. Mladenov for his briefing.", "FRA"), "thank", "nickolay-mladenov"));
    let a = acts("We thank as well Special Representative Gamba de Potgieter and Executive Director Fore for their briefings.", "FRA");
    assert_eq!(a.len(), 2, "{a:?}");
    // An "and" inside the first complement joins its words.
    assert_eq!(acts("We thank the Council for the work of Commissioner Chergui and the African Union Commission.", "FRA"), [("thank", "-".to_owned())]);
}

#[test]
fn office_holders_and_adopting_bodies_give_way_to_who_and_what_they_name() {
    // The person holding an office in a body, named with it.
    let a = acts("I would like to thank EU High Representative Borrell for his excellent statement.", "BEL");
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(a[0].1.contains("borrell"), "{a:?}");
    let a = acts("We thank the Chair of the 1267 Committee, Ambassador Djani, for his briefing.", "FRA");
    assert!(a.iter().all(|(_, t)| t.contains("djani")) && !a.is_empty(), "{a:?}");
    // A list of persons whose offices come between them, set off by
    // commas and semicolons.
    let a = acts("Let me also thank Secretary-General Antonio Guterres; the President of the International Committee of the Red Cross, Peter Maurer; and former President of Liberia Ellen Johnson Sirleaf for their briefings.", "FRA");
    for name in ["guterres", "maurer", "sirleaf"] {
        assert!(a.iter().any(|(k, t)| *k == "thank" && t.contains(name)), "{name}: {a:?}");
    }
    assert!(!has(&a, "thank", "LBR"), "{a:?}");
    let a = acts("I thank Special Representative of the Secretary-General Gamba, Executive Director Fore, the civil-society briefers and Council members.", "FRA");
    assert!(a.iter().any(|(_, t)| t.contains("fore")) && a.iter().any(|(_, t)| t.contains("gamba")), "{a:?}");
    // A state's representative, unnamed, still names the state; an envoy
    // for a state does not.
    assert_eq!(acts("We thank the Permanent Representative of Pakistan for his statement.", "FRA"), [("thank", "PAK".to_owned())]);
    assert_eq!(acts("I also thank the Federal Minister for Foreign Affairs of Germany for being here.", "FRA"), [("thank", "DEU".to_owned())]);
    assert_eq!(acts("We thank the Special Representative for Somalia for his briefing.", "FRA"), [("thank", "-".to_owned())]);
    // What a body adopted, not the body.
    let a = acts("We welcome Security Council resolution 2532 (2020).", "FRA");
    assert_eq!(a, [("welcome", "2532".to_owned())]);
}

#[test]
fn acts_taken_up_coordinated_watched_or_owed() {
    // Taking up another's call through a possessive.
    assert_eq!(acts("We would like to echo the Secretary-General's appeal to the belligerents to share information.", "FRA").len(), 1);
    // A second verb after "and" whose subject is the speaker's state, past
    // a noun "need".
    let a = acts("The Niger reiterates the urgent need to take the necessary steps, and echoes the call made by the Secretary-General for a ceasefire.", "NER");
    assert!(a.iter().any(|(k, _)| *k == "call"), "{a:?}");
    // A second noun object of the same introducing verb.
    let a = acts("Germany reiterates its fullest confidence in the work of the International Criminal Court, as well as its support for international investigative mechanisms.", "DEU");
    assert!(a.iter().any(|(k, _)| *k == "support"), "{a:?}");
    assert_eq!(acts("We offer him our fullest co-operation and support.", "MLT"), [("support", "-".to_owned())]);
    // ... but a verb after a noun object stays a verb of its own.
    assert!(has(&acts("We reiterate our support for Mali and encourage the countries of the region to help.", "FRA"), "call", "-"));
    // Watching with concern; a concern that has lasted.
    assert!(has(&acts("Malta looks upon the problem of Cyprus with particular concern.", "MLT"), "concern", "CYP"));
    assert!(has(&acts("The conflict in Cyprus has again this year been of great concern to us.", "MLT"), "concern", "CYP"));
    // A duty said in the first person; a predicate put first.
    assert!(has(&acts("I must call on the Government of Mali to ensure accountability.", "FRA"), "call", "MLI"));
    assert!(acts("We must support the Government of Mali.", "FRA").is_empty());
    assert!(has(&acts("We should pay a special tribute to the United States.", "CAN"), "thank", "USA"));
    assert!(has(&acts("It is clear. Equally worrying are the attacks on Mali.", "FRA"), "concern", "MLI"));
    assert!(has(&acts("That is a long overdue but very welcome development.", "FRA"), "welcome", "-"));
    assert!(acts("That is not a welcome development.", "FRA").is_empty());
    // Appreciating as understanding.
    assert!(acts("We appreciate those difficulties and are confident that the efforts will resume.", "FRA").is_empty());
    assert!(acts("We fully appreciate the importance of the mission.", "FRA").is_empty());
    assert!(has(&acts("We appreciate the efforts of Mali.", "FRA"), "thank", "MLI"));
    // "as before" is no condition.
    assert!(has(&acts("Now as before, we fully endorse the plan.", "FRA"), "support", "-"));
    assert!(acts("If we endorse the plan, we lose.", "FRA").is_empty());
}

#[test]
fn what_a_call_asks_for_is_not_performed() {
    let a = acts("We call on the international community to support Prime Minister Al-Kadhimi in his efforts.", "EST");
    assert_eq!(a, [("call", "-".to_owned())]);
    let a = acts("We urge the African Union to play a key role and to support the parties.", "USA");
    assert!(a.iter().all(|(k, _)| *k == "call"), "{a:?}");
    // An infinitive of the speaker's own is still an act.
    assert!(has(&acts("I have the honour to convey our greetings and to congratulate you on your election.", "FRA"), "congratulate", "-"));
    let a = acts("I wish to thank Mali and to welcome Chad.", "FRA");
    assert!(has(&a, "thank", "MLI") && has(&a, "welcome", "TCD"), "{a:?}");
    // "her" in the last act's complement is no target of the next.
    let a = acts("We also thank Ms. Irena Hasic for her informative briefing, and welcome all representatives to this meeting.", "FRA");
    assert!(has(&a, "welcome", "-"), "{a:?}");
}
