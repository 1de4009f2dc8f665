//! Dates: machine-readable timestamps (ISO 8601, RFC 2822, JavaScript `Date` strings, `YYYYMMDD`) and displayed
//! dates in common formats, read into a calendar day with the time and offset when they are known.

use std::sync::LazyLock;

use super::pattern::Pattern;

/// A date read from a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Year, month (1–12), day (1–31).
    pub ymd: (i32, u32, u32),
    /// Hour, minute, second, when given.
    pub time: Option<(u32, u32, u32)>,
    /// Offset from UTC in minutes, when given (`Z`, `UTC` and `GMT` are 0).
    pub offset: Option<i32>,
}

impl Stamp {
    /// Whether the stamp is in UTC (an explicit zero offset): the page's local day may differ.
    pub fn is_utc(&self) -> bool {
        self.offset == Some(0) && self.time.is_some()
    }

    /// `YYYY-MM-DD`.
    pub fn day(&self) -> String {
        let (y, m, d) = self.ymd;
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `YYYY-MM-DD`, or RFC 3339 when the time and its offset are known.
    pub fn render(&self) -> String {
        match (self.time, self.offset) {
            (Some((h, mi, s)), Some(offset)) => {
                let zone = if offset == 0 {
                    "Z".to_string()
                } else {
                    let sign = if offset < 0 { '-' } else { '+' };
                    let abs = offset.unsigned_abs();
                    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
                };
                format!("{}T{h:02}:{mi:02}:{s:02}{zone}", self.day())
            }
            _ => self.day(),
        }
    }

    /// Days from 1970-01-01 to the stamp's day (proleptic Gregorian).
    pub fn day_number(&self) -> i64 {
        let (y, m, d) = self.ymd;
        days_from_civil(i64::from(y), i64::from(m), i64::from(d))
    }

    /// The day number of the stamp's instant on a clock `offset` minutes from UTC; `None` when the stamp has no
    /// time or no offset of its own (it is no instant).
    pub fn day_number_at(&self, offset: i32) -> Option<i64> {
        let ((h, mi, _), own) = (self.time?, self.offset?);
        let minutes = i64::from(h * 60 + mi) - i64::from(own) + i64::from(offset);
        Some(self.day_number() + minutes.div_euclid(24 * 60))
    }
}

/// Parses a machine-readable or displayed date; `None` when `text` holds no plausible date (years before 1990
/// are placeholders such as `0001-01-01`).
pub fn parse(text: &str) -> Option<Stamp> {
    let text = text.trim();
    // Every format has digits: most texts are rejected without running a pattern.
    if text.len() < 4 || text.len() > 200 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Each textual and numeric pattern holds a year of this century or the last: a text without one is not
    // searched.
    let stamp = parse_iso(text)
        .or_else(|| parse_compact(text))
        .or_else(|| holds_year(text).then(|| first_shown(text)).flatten())?;
    plausible(stamp.ymd).then_some(stamp)
}

/// The day a URL path names (`/2019/11/18/`, `/2019-11-18-`, `/20191118/`), if any.
pub fn from_url(url: &str) -> Option<Stamp> {
    static URL_DATE: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(
            r"/((?:19|20)[0-9][0-9])[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12][0-9]|3[01])(?:[/_.-]|$)",
        )
        .expect("URL date pattern is valid")
    });
    let caps = URL_DATE.captures(url)?;
    let ymd = (
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    );
    plausible(ymd).then_some(Stamp {
        ymd,
        time: None,
        offset: None,
    })
}

fn plausible((y, m, d): (i32, u32, u32)) -> bool {
    (1990..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// ISO 8601 and its common relatives: `2019-11-18`, `2019-11-18T17:01:27.893Z`, `2019-11-19 02:24:00 UTC`,
/// `2019-11-20T04:26:47+0000`, `2019/11/18`.
fn parse_iso(text: &str) -> Option<Stamp> {
    static ISO: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(
            r"^([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?:[Tt ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:[.,][0-9]+)?\s*([Zz]|(?i:UTC|GMT)|[+-][0-9]{2}:?[0-9]{2})?)?",
        )
        .expect("ISO date pattern is valid")
    });
    // The pattern is anchored: four digits and a dash or slash open the text, or no pattern is compiled or run.
    let b = text.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'-' | b'/') {
        return None;
    }
    let caps = ISO.captures(text)?;
    let ymd = (
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    );
    let time = match (caps.get(4), caps.get(5)) {
        (Some(h), Some(mi)) => Some((
            h.parse().ok()?,
            mi.parse().ok()?,
            caps.get(6).map_or(Some(0), |s| s.parse().ok())?,
        )),
        _ => None,
    };
    let offset = caps.get(7).and_then(zone_offset);
    Some(Stamp { ymd, time, offset })
}

/// `20191118`, as some publishers write it in a `pdate` meta tag.
fn parse_compact(text: &str) -> Option<Stamp> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Stamp {
        ymd: (
            text[..4].parse().ok()?,
            text[4..6].parse().ok()?,
            text[6..].parse().ok()?,
        ),
        time: None,
        offset: None,
    })
}

/// The date a displayed text shows first, with a month name or in numbers: a dateline's day comes before the days
/// its text goes on to name ("Musterstadt, 17.08.2007 - Rede … in Beispielheim, 18. August 2007").
fn first_shown(text: &str) -> Option<Stamp> {
    match (parse_textual(text), parse_numeric(text)) {
        (Some((textual, at)), Some((numeric, nat))) => {
            Some(if nat < at { numeric } else { textual })
        }
        (textual, numeric) => textual.or(numeric).map(|(stamp, _)| stamp),
    }
}

/// Dates with a month name: `Nov 18, 2019`, `November 18, 2019 9:24 pm ET`, `18 November 2019`,
/// `Mon, 18 Nov 2019 16:07:38 -0600`, `Wed Nov 20 2019 09:28:00 GMT+0000 (UTC)`, `24 сентября 2018`,
/// `2016年12月1日`, `Oct. 9th, 2018`.
/// Returns the date and the byte offset where it starts.
fn parse_textual(text: &str) -> Option<(Stamp, usize)> {
    static CJK: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"((?:19|20)[0-9][0-9])\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
            .expect("CJK date pattern is valid")
    });
    static MONTH_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"(\p{L}+)\.?\s+([0-9]{1,2})(?i:st|nd|rd|th)?,?\s+((?:19|20)[0-9][0-9])\b")
            .expect("month-first date pattern is valid")
    });
    static DAY_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"\b([0-9]{1,2})(?i:st|nd|rd|th)?\.?\s+(?i:de\s+)?(\p{L}+)\.?,?\s+(?i:de\s+)?((?:19|20)[0-9][0-9])\b")
            .expect("day-first date pattern is valid")
    });
    static TIME: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"\b([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*((?i:am|pm|a\.m\.|p\.m\.))?\s*(?:((?i:GMT|UTC|Z))?\s*([+-][0-9]{2}:?[0-9]{2})?)")
            .expect("time pattern is valid")
    });
    if let Some(caps) = CJK.captures(text) {
        let stamp = Stamp {
            ymd: (
                caps[1].parse().ok()?,
                caps[2].parse().ok()?,
                caps[3].parse().ok()?,
            ),
            time: None,
            offset: None,
        };
        return Some((stamp, caps.range(0).map_or(0, |m| m.start)));
    }
    let (ymd, start, rest_start) = if let Some(caps) = MONTH_FIRST
        .captures_iter(text)
        .find(|c| month_number(&c[1]).is_some())
    {
        let month = month_number(&caps[1])?;
        let (start, end) = caps.range(0).map_or((0, 0), |m| (m.start, m.end));
        (
            (caps[3].parse().ok()?, month, caps[2].parse().ok()?),
            start,
            end,
        )
    } else if let Some(caps) = DAY_FIRST
        .captures_iter(text)
        .find(|c| month_number(&c[2]).is_some())
    {
        let month = month_number(&caps[2])?;
        let (start, end) = caps.range(0).map_or((0, 0), |m| (m.start, m.end));
        (
            (caps[3].parse().ok()?, month, caps[1].parse().ok()?),
            start,
            end,
        )
    } else {
        return None;
    };
    // A time right after the date, with an explicit offset, makes a full timestamp (RFC 2822, JS Date).
    let mut time = None;
    let mut offset = None;
    if let Some(caps) = TIME.captures(&text[rest_start..]) {
        let start = caps.range(0).map_or(0, |m| m.start);
        if start <= 3 {
            let mut hour: u32 = caps[1].parse().ok()?;
            let minute: u32 = caps[2].parse().ok()?;
            let second: u32 = caps.get(3).map_or(Some(0), |s| s.parse().ok())?;
            if let Some(meridiem) = caps.get(4) {
                let pm = meridiem.to_ascii_lowercase().starts_with('p');
                hour = (hour % 12) + if pm { 12 } else { 0 };
            }
            if hour < 24 && minute < 60 {
                time = Some((hour, minute, second));
                offset = match (caps.get(5), caps.get(6)) {
                    (_, Some(numeric)) => zone_offset(numeric),
                    (Some(_), None) => Some(0),
                    _ => None,
                };
            }
        }
    }
    Some((Stamp { ymd, time, offset }, start))
}

/// Numeric dates: `18.11.2019` (day first), `11/18/2019` (month first unless the first number exceeds 12). Returns
/// the date and the byte offset where it starts.
fn parse_numeric(text: &str) -> Option<(Stamp, usize)> {
    static NUMERIC: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"\b([0-9]{1,2})([./])([0-9]{1,2})[./]((?:19|20)[0-9][0-9])\b")
            .expect("numeric date pattern is valid")
    });
    let caps = NUMERIC.captures(text)?;
    let a: u32 = caps[1].parse().ok()?;
    let b: u32 = caps[3].parse().ok()?;
    let year: i32 = caps[4].parse().ok()?;
    let (month, day) = if &caps[2] == "." || a > 12 {
        (b, a)
    } else {
        (a, b)
    };
    let stamp = Stamp {
        ymd: (year, month, day),
        time: None,
        offset: None,
    };
    Some((stamp, caps.range(0).map_or(0, |m| m.start)))
}

/// Whether `text` holds four ASCII digits starting `19` or `20`: what `(?:19|20)[0-9][0-9]` in the date patterns
/// needs to match.
fn holds_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| matches!(w, [b'1', b'9', c, d] | [b'2', b'0', c, d] if c.is_ascii_digit() && d.is_ascii_digit()))
}

fn zone_offset(zone: &str) -> Option<i32> {
    let zone = zone.trim();
    if zone.eq_ignore_ascii_case("z")
        || zone.eq_ignore_ascii_case("utc")
        || zone.eq_ignore_ascii_case("gmt")
    {
        return Some(0);
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    Some(sign * (hours * 60 + minutes))
}

/// Whether `word` names a day of the week in one of the languages whose month names the date reader knows.
pub fn is_weekday(word: &str) -> bool {
    const WEEKDAYS: [&str; 68] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday", // en
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag", // de
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche", // fr
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo", // es
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira", // pt
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica", // it
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag", // nl
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu", // id
        "poniedziałek",
        "wtorek",
        "środa",
        "czwartek",
        "piątek",
        "sobota",
        "niedziela", // pl
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье", // ru
    ];
    let word = word.to_lowercase();
    WEEKDAYS.contains(&word.as_str())
}

/// The month a name or abbreviation stands for, in English, German, French, Spanish, Portuguese, Italian,
/// Dutch, Indonesian, Polish or Russian (genitive).
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "stycznia",
            "jan",
            "january",
            "januar",
            "janvier",
            "enero",
            "janeiro",
            "gennaio",
            "januari",
            "января",
            "январь",
            "янв",
        ],
        &[
            "lutego",
            "feb",
            "february",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "fevereiro",
            "febbraio",
            "februari",
            "февраля",
            "февраль",
            "фев",
        ],
        &[
            "marca",
            "mar",
            "march",
            "märz",
            "maerz",
            "mars",
            "marzo",
            "março",
            "marco",
            "maart",
            "maret",
            "марта",
            "март",
        ],
        &[
            "kwietnia",
            "apr",
            "april",
            "avril",
            "abril",
            "aprile",
            "апреля",
            "апрель",
            "апр",
        ],
        &[
            "maja", "may", "mai", "mayo", "maio", "maggio", "mei", "мая", "май",
        ],
        &[
            "czerwca", "jun", "june", "juni", "juin", "junio", "junho", "giugno", "июня", "июнь",
        ],
        &[
            "lipca", "jul", "july", "juli", "juillet", "julio", "julho", "luglio", "июля", "июль",
        ],
        &[
            "sierpnia",
            "aug",
            "august",
            "août",
            "aout",
            "agosto",
            "augustus",
            "agustus",
            "августа",
            "август",
            "авг",
        ],
        &[
            "września",
            "sep",
            "sept",
            "september",
            "septembre",
            "septiembre",
            "setembro",
            "settembre",
            "сентября",
            "сентябрь",
            "сен",
        ],
        &[
            "października",
            "oct",
            "october",
            "oktober",
            "octobre",
            "octubre",
            "outubro",
            "ottobre",
            "октября",
            "октябрь",
            "окт",
        ],
        &[
            "listopada",
            "nov",
            "november",
            "novembre",
            "noviembre",
            "novembro",
            "ноября",
            "ноябрь",
            "ноя",
        ],
        &[
            "grudnia",
            "dec",
            "december",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
            "dezembro",
            "dicembre",
            "desember",
            "декабря",
            "декабрь",
            "дек",
        ],
    ];
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_found_where_the_date_patterns_find_one() {
        let year = regex::Regex::new(r"(?:19|20)[0-9][0-9]").expect("valid pattern");
        for n in 0..10_000 {
            for text in [format!("{n:04}"), format!("am {n:04}."), format!("x{n}y")] {
                assert_eq!(holds_year(&text), year.is_match(&text), "{text:?}");
            }
        }
        for text in [
            "",
            "19",
            "２０１９",
            "Nov 18, 2019",
            "2016年12月1日",
            "1 9 8 0",
        ] {
            assert_eq!(holds_year(text), year.is_match(text), "{text:?}");
        }
    }

    fn day(text: &str) -> Option<String> {
        parse(text).map(|s| s.day())
    }

    #[test]
    fn a_text_s_first_date_is_its_day() {
        let dateline =
            "Musterstadt, 17.08.2007 - Rede beim Städtetag, Beispielheim, 18. August 2007";
        assert_eq!(day(dateline).as_deref(), Some("2007-08-17"));
        let dateline = "18. August 2007: Rede zum Bundesblatt vom 17.08.2007";
        assert_eq!(day(dateline).as_deref(), Some("2007-08-18"));
    }

    #[test]
    fn polish_month_names_in_the_genitive() {
        assert_eq!(day("28 kwietnia 2021"), Some("2021-04-28".to_string()));
        assert_eq!(day("3 października 2019"), Some("2019-10-03".to_string()));
    }

    #[test]
    fn iso_keeps_offset_and_local_day() {
        let stamp = parse("2019-11-08T15:30:00-05:00").unwrap();
        assert_eq!(stamp.render(), "2019-11-08T15:30:00-05:00");
        assert!(parse("2019-11-19T07:03:25+00:00").unwrap().is_utc());
        assert!(parse("2019-11-19 02:24:00 UTC").unwrap().is_utc());
        assert_eq!(parse("2019-11-20T04:26:47+0000").unwrap().offset, Some(0));
    }

    #[test]
    fn an_instant_falls_on_its_day_at_any_offset() {
        let utc = parse("2015-12-12T05:00:37+00:00").unwrap();
        let day = |text: &str| parse(text).unwrap().day_number();
        assert_eq!(utc.day_number_at(60), Some(day("2015-12-12")));
        assert_eq!(utc.day_number_at(-360), Some(day("2015-12-11")));
        assert_eq!(parse("2015-12-12").unwrap().day_number_at(60), None);
    }

    #[test]
    fn placeholders_are_not_dates() {
        assert_eq!(day("0001-01-01T00:00:00Z"), None);
        assert_eq!(day("2019-02-30"), None);
    }

    #[test]
    fn displayed_formats_give_the_day() {
        assert_eq!(day("October 24, 2022").as_deref(), Some("2022-10-24"));
        assert_eq!(
            day("Published Oct. 9th, 2018").as_deref(),
            Some("2018-10-09")
        );
        assert_eq!(day("18 November 2019").as_deref(), Some("2019-11-18"));
        assert_eq!(day("24 сентября 2018").as_deref(), Some("2018-09-24"));
        assert_eq!(day("2016年12月1日").as_deref(), Some("2016-12-01"));
        assert_eq!(day("20191118").as_deref(), Some("2019-11-18"));
        assert_eq!(day("18.11.2019").as_deref(), Some("2019-11-18"));
        assert_eq!(day("11/18/2019").as_deref(), Some("2019-11-18"));
    }

    #[test]
    fn rfc2822_and_js_dates_keep_their_offset() {
        let stamp = parse("Mon, 18 Nov 2019 16:07:38 -0600").unwrap();
        assert_eq!(stamp.render(), "2019-11-18T16:07:38-06:00");
        let js = parse("Wed Nov 20 2019 09:28:00 GMT+0000 (UTC)").unwrap();
        assert!(js.is_utc());
        let shown = parse("Mar 9, 2021 at 9:24 pm ET").unwrap();
        assert_eq!(shown.day(), "2021-03-09");
    }

    #[test]
    fn url_paths_name_a_day() {
        assert_eq!(
            from_url("https://news.example.com/2021/03/09/city-budget/")
                .map(|s| s.day())
                .as_deref(),
            Some("2021-03-09")
        );
        assert_eq!(from_url("https://x.com/news/2019-11-hibernating"), None);
    }
}
