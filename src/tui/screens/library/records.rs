//! What the detail says about each kind of record: an article, a topic, a claim, a chain.

use super::detail::{Target, Writer};
use super::{article_name, article_order};
use crate::content::{Claim, Store};
use crate::text::Role;

pub fn article(w: &mut Writer, store: &Store, i: usize) {
    let article = &store.articles[i];
    w.detail.title = format!("Article {}", article.number);
    w.text(Role::Title, &article.title);
    w.text(
        Role::Muted,
        &format!("{} · {} · {}", article.number, article.short, article.id),
    );
    if let Some(disclosure) = &article.self_disclosure {
        w.blank();
        w.para(
            &[(Role::Warn, "⚠ Says of itself:"), (Role::Warn, disclosure)],
            0,
            2,
            None,
        );
    }
    w.blank();
    w.heading("Thesis");
    w.text(Role::Plain, &article.thesis);
    w.blank();
    w.field("Source", &[(Role::Plain, &article.source)]);
    w.field(
        "Evidence",
        &[
            (Role::Strong, article.evidence.as_str()),
            (Role::Muted, "—"),
            (Role::Muted, article.evidence.meaning()),
        ],
    );
    w.para(&[(Role::Plain, &article.evidence_note)], 10, 10, None);
    w.blank();
    w.heading(&format!("Chains it supports ({})", article.chains.len()));
    if article.chains.is_empty() {
        w.para(&[(Role::Muted, "None.")], 2, 2, None);
    }
    for id in &article.chains {
        match store.chain(id) {
            Some(chain) => w.link(
                2,
                &[
                    (Role::Plain, &chain.short),
                    (Role::Muted, "—"),
                    (Role::Muted, &chain.title),
                ],
                Target::Chain(id.to_string()),
            ),
            None => missing(w, id),
        }
    }
    w.blank();
    let claims: Vec<&Claim> = store.claims_of(&article.id).collect();
    w.heading(&format!("Its claims ({})", claims.len()));
    if claims.is_empty() {
        w.para(&[(Role::Muted, "None.")], 2, 2, None);
    }
    for claim in &claims {
        let (question, stance) = topic_and_stance(store, claim);
        w.link(
            2,
            &[
                (Role::Accent, &claim.id),
                (Role::Muted, "·"),
                (Role::Plain, &question),
                (Role::Muted, "→"),
                (Role::Plain, &stance),
                (Role::Muted, &format!("({})", claim.evidence.as_str())),
            ],
            Target::Claim(claim.id.to_string()),
        );
    }
    if !claims.is_empty() {
        w.link(
            2,
            &[(Role::Muted, "List only these claims")],
            Target::ClaimsOf(article.id.to_string()),
        );
    }
}

/// A claim's topic question and stance label, falling back to their ids.
fn topic_and_stance(store: &Store, claim: &Claim) -> (String, String) {
    let topic = store.topic(&claim.topic);
    let question = topic.map_or_else(|| claim.topic.to_string(), |t| t.question.to_string());
    let stance = topic
        .and_then(|t| t.stance(&claim.stance))
        .map_or_else(|| claim.stance.to_string(), |s| s.label.to_string());
    (question, stance)
}

fn missing(w: &mut Writer, id: &str) {
    w.para(
        &[(Role::Muted, &format!("· {id} (not in this store)"))],
        2,
        4,
        None,
    );
}

pub fn topic(w: &mut Writer, store: &Store, i: usize) {
    let topic = &store.topics[i];
    w.detail.title = String::from("Topic");
    w.text(Role::Title, &topic.question);
    w.text(Role::Muted, &topic.id);
    w.blank();
    w.text(Role::Plain, &topic.summary);
    for stance in &topic.stances {
        w.blank();
        w.para(
            &[(Role::Strong, "●"), (Role::Strong, &stance.label)],
            0,
            2,
            None,
        );
        w.para(&[(Role::Muted, &stance.meaning)], 2, 2, None);
        let mut claims: Vec<&Claim> = store
            .claims
            .iter()
            .filter(|c| c.topic == topic.id && c.stance == stance.id)
            .collect();
        claims.sort_by_key(|c| article_order(store, &c.article));
        if claims.is_empty() {
            w.para(&[(Role::Warn, "No article holds this.")], 2, 2, None);
            continue;
        }
        let mut holders: Vec<String> = Vec::new();
        for claim in &claims {
            let name = article_name(store, &claim.article);
            if !holders.contains(&name) {
                holders.push(name);
            }
        }
        w.para(
            &[
                (Role::Accent, "Held by:"),
                (Role::Plain, &holders.join(", ")),
            ],
            2,
            4,
            None,
        );
        for claim in claims {
            let number = store
                .article(&claim.article)
                .map_or("???", |a| a.number.as_str());
            w.link(
                2,
                &[
                    (Role::Accent, &format!("[{number}]")),
                    (Role::Plain, &claim.statement),
                ],
                Target::Claim(claim.id.to_string()),
            );
        }
    }
}

pub fn claim(w: &mut Writer, store: &Store, i: usize) {
    let claim = &store.claims[i];
    w.detail.title = String::from("Claim");
    w.text(Role::Title, &claim.statement);
    w.text(Role::Muted, &claim.id);
    w.blank();
    match store.article(&claim.article) {
        Some(article) => {
            let name = format!("{} {}", article.number, article.short);
            w.link_field(
                "Article",
                &[
                    (Role::Plain, &name),
                    (Role::Muted, "—"),
                    (Role::Muted, &article.title),
                ],
                Target::Article(claim.article.to_string()),
            );
        }
        None => w.field(
            "Article",
            &[(
                Role::Muted,
                &format!("{} (not in this store)", claim.article),
            )],
        ),
    }
    let topic = store.topic(&claim.topic);
    match topic {
        Some(topic) => w.link_field(
            "Topic",
            &[(Role::Plain, &topic.question)],
            Target::Topic(claim.topic.to_string()),
        ),
        None => w.field(
            "Topic",
            &[(Role::Muted, &format!("{} (not in this store)", claim.topic))],
        ),
    }
    match topic.and_then(|t| t.stance(&claim.stance)) {
        Some(stance) => w.field("Stance", &[(Role::Strong, &stance.label)]),
        None => w.field("Stance", &[(Role::Plain, &claim.stance)]),
    }
    w.field(
        "Evidence",
        &[
            (Role::Strong, claim.evidence.as_str()),
            (Role::Muted, "—"),
            (Role::Muted, claim.evidence.meaning()),
        ],
    );
    w.field("Location", &[(Role::Plain, &claim.location)]);
    if let Some(note) = &claim.note {
        w.field("Note", &[(Role::Plain, note)]);
    }
    w.blank();
    let chains: Vec<_> = store.chains_citing(&claim.id).collect();
    w.heading(&format!("Chains that cite it ({})", chains.len()));
    if chains.is_empty() {
        w.para(&[(Role::Muted, "No chain cites this claim.")], 2, 2, None);
    }
    for chain in chains {
        let steps: Vec<String> = chain
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.claims.contains(&claim.id))
            .map(|(n, s)| format!("step {}: {}", n + 1, s.label))
            .collect();
        w.link(
            2,
            &[
                (Role::Plain, &chain.short),
                (Role::Muted, &format!("· {}", steps.join("; "))),
            ],
            Target::Chain(chain.id.to_string()),
        );
    }
}

pub fn chain(w: &mut Writer, store: &Store, came_from: Option<&str>, i: usize) {
    let chain = &store.chains[i];
    w.detail.title = String::from("Chain");
    w.text(Role::Title, &chain.title);
    let mut tilt = match chain.tilt {
        crate::content::Tilt::None => String::from("predicts no pelvic tilt"),
        tilt => format!("predicts {} pelvic tilt", tilt.as_str()),
    };
    if let Some(marker) = chain.tilt_source.marker() {
        tilt = format!("{tilt} ({marker})");
    }
    w.text(
        Role::Muted,
        &format!("{} · {} · {tilt}", chain.short, chain.id),
    );
    if let Some(claim) = came_from {
        let steps: Vec<String> = chain
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.claims.iter().any(|c| c == claim))
            .map(|(n, _)| (n + 1).to_string())
            .collect();
        if !steps.is_empty() {
            let at = if steps.len() == 1 { "step" } else { "steps" };
            w.text(
                Role::Warn,
                &format!("◆ Cites claim {claim} at {at} {}", steps.join(", ")),
            );
        }
    }
    w.blank();
    w.text(Role::Plain, &chain.summary);
    w.blank();
    w.heading("Who it describes");
    w.text(Role::Plain, &chain.who);
    w.blank();
    w.heading("Told by");
    for id in &chain.articles {
        match store.article(id) {
            Some(article) => w.link(
                2,
                &[
                    (
                        Role::Plain,
                        &format!("{} {}", article.number, article.short),
                    ),
                    (Role::Muted, "—"),
                    (Role::Muted, &article.title),
                ],
                Target::Article(id.to_string()),
            ),
            None => missing(w, id),
        }
    }
    w.blank();
    w.heading(&format!("Steps ({})", chain.steps.len()));
    for (n, step) in chain.steps.iter().enumerate() {
        let number = format!("{:>2}.", n + 1);
        w.para(
            &[(Role::Accent, &number), (Role::Title, &step.label)],
            0,
            4,
            None,
        );
        if let Some(marker) = step.source.marker() {
            w.para(&[(Role::Warn, &format!("◇ {marker}"))], 4, 6, None);
        }
        w.para(&[(Role::Plain, &step.detail)], 4, 4, None);
        if let Some(note) = &step.source_note {
            w.para(&[(Role::Muted, "Source:"), (Role::Muted, note)], 4, 4, None);
        }
        for id in &step.claims {
            match store.claim(id) {
                Some(claim) => {
                    let number = store
                        .article(&claim.article)
                        .map_or("???", |a| a.number.as_str());
                    let details = format!("· {number} · {}", claim.evidence.as_str());
                    let mut pieces = vec![(Role::Accent, id.as_str()), (Role::Muted, &details)];
                    if came_from == Some(id.as_str()) {
                        pieces.push((Role::Warn, "◆ the claim you came from"));
                    }
                    w.link(4, &pieces, Target::Claim(id.to_string()));
                }
                None => w.para(
                    &[(Role::Muted, &format!("· {id} (not in this store)"))],
                    4,
                    6,
                    None,
                ),
            }
        }
    }
    w.blank();
    w.heading("Way out");
    w.field("First", &[(Role::Plain, &chain.way_out.first)]);
    w.field("Next", &[(Role::Plain, &chain.way_out.next)]);
    if let Some(avoid) = &chain.way_out.avoid {
        w.field("Avoid", &[(Role::Plain, avoid)]);
    }
    w.blank();
    let exercises: Vec<_> = store.exercises_for(&chain.id).collect();
    w.heading(&format!("Exercises that serve it ({})", exercises.len()));
    if exercises.is_empty() {
        w.para(&[(Role::Muted, "None in this store.")], 2, 2, None);
    }
    for exercise in exercises {
        w.para(
            &[
                (Role::Plain, "•"),
                (Role::Plain, &exercise.name),
                (Role::Muted, &format!("({})", exercise.phase.as_str())),
            ],
            2,
            4,
            None,
        );
    }
}
