//! `N` rules, navigation and boilerplate: menus and skip links above the body (`N001`), share, subscribe and
//! related lines below it (`N002`), the page around the article in paged text (`N003`) and in a whole web page
//! dumped as markdown (`N004`).

pub(super) mod nav_lines;
pub(super) mod off_article;
pub(super) mod page_chrome;
pub(super) mod trailer_lines;
