/*!
A subject's key: the company name as the panel groups it.

Two stories name one company in different ways ("Norrland Freight",
"Norrland Freight AB", "The Norrland Freight Co."). The key is the name
lower-cased, with dots and apostrophes dropped ("N.V." → `nv`, "Aaron's" →
`aarons`), other punctuation read as spaces, a leading "the" dropped, and
trailing legal suffixes ([`LEGAL_SUFFIXES`]) dropped while a word is left.
The suffix list is this one table; adding a form means adding a row here
and a row to the table test below.
*/

/// Words that name a company's legal form (or its grouping) rather than
/// the company, dropped from the end of a name: "Inc", "Corp", "AB",
/// "plc", "N.V." (as `nv` once dots are dropped), "Holdings", "Group".
pub const LEGAL_SUFFIXES: &[&str] = &[
    "ab",
    "ag",
    "as",
    "asa",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "cos",
    "gmbh",
    "group",
    "holding",
    "holdings",
    "inc",
    "incorporated",
    "kk",
    "limited",
    "llc",
    "llp",
    "lp",
    "ltd",
    "nv",
    "oyj",
    "plc",
    "publ",
    "sa",
    "se",
    "spa",
];

/// The key of a subject as written, or `None` when it has no letters or
/// digits.
pub fn normalize(name: &str) -> Option<String> {
    let mut clean = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '.' | '\'' | '’' | '‘' => {}
            c if c.is_alphanumeric() => clean.extend(c.to_lowercase()),
            _ => clean.push(' '),
        }
    }
    let mut words: Vec<&str> = clean.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1
        && LEGAL_SUFFIXES.binary_search(&words[words.len() - 1]).is_ok()
    {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_are_sorted_and_lower_case() {
        let mut sorted = LEGAL_SUFFIXES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, LEGAL_SUFFIXES, "keep the table sorted, no dups");
        for s in LEGAL_SUFFIXES {
            assert!(s.chars().all(|c| c.is_ascii_lowercase()), "{s}");
        }
    }

    #[test]
    fn subject_keys() {
        // (name, input, key)
        let rows: &[(&str, &str, Option<&str>)] = &[
            ("subj000", "Norrland Freight", Some("norrland freight")),
            ("subj010", "Norrland Freight AB", Some("norrland freight")),
            (
                "subj020",
                "NORRLAND FREIGHT AB (publ)",
                Some("norrland freight"),
            ),
            ("subj030", "The Norrland Freight Co.", Some("norrland freight")),
            ("subj040", "Brightlane Talent Inc.", Some("brightlane talent")),
            ("subj050", "Brightlane Talent, Inc", Some("brightlane talent")),
            ("subj060", "Acme Corp.", Some("acme")),
            ("subj070", "Acme Corporation", Some("acme")),
            ("subj080", "Acme Holdings Ltd", Some("acme")),
            ("subj090", "Koninklijke Acme N.V.", Some("koninklijke acme")),
            ("subj100", "Acme S.A.", Some("acme")),
            ("subj110", "Acme AG", Some("acme")),
            ("subj120", "Acme plc", Some("acme")),
            ("subj130", "Acme Group", Some("acme")),
            ("subj140", "Acme, LLC", Some("acme")),
            ("subj150", "The Aaron's Company, Inc.", Some("aarons")),
            ("subj160", "Aaron’s", Some("aarons")),
            ("subj170", "Procter & Gamble Co", Some("procter gamble")),
            ("subj180", "U.S. Steel Corp", Some("us steel")),
            ("subj190", "Société Générale SA", Some("société générale")),
            // A name that is only a suffix keeps it; "The" alone stays.
            ("subj200", "Group", Some("group")),
            ("subj210", "The", Some("the")),
            ("subj220", "Theravance Inc", Some("theravance")),
            ("subj230", "  ...  ", None),
            ("subj240", "compname", Some("compname")),
        ];
        for &(name, input, want) in rows {
            assert_eq!(normalize(input).as_deref(), want, "{name}: {input:?}");
        }
    }
}
