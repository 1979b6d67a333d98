// The first stage of extraction: what kind of text a document is. A
// readout, a memorandum of conversation, a briefing, a transcript, a joint
// statement, a declaration, a note to correspondents or a report each have
// their conventions: who speaks, which event the text is about.
#ifndef ETKG_LOADERS_GENRE_H_
#define ETKG_LOADERS_GENRE_H_

#include <string>
#include <string_view>

namespace etkg {

// The genre of a document, by the rules of loaders/rules/en/genres.tsv:
// "memorandum", "briefing", "transcript", "joint-statement",
// "declaration", "note", "readout", "statement", or "report" when none
// fits. `title` is the metadata's title, or ""; when it names no genre, the
// body's first five lines may; `speaker_lines` is how many lines of the body open with a
// speaker's label ("SECRETARY KERRY:").
std::string DetectGenre(std::string_view title, std::string_view body, int speaker_lines);

// True for the genres whose lines are said by labelled speakers.
bool HasSpeakers(std::string_view genre);

}  // namespace etkg

#endif  // ETKG_LOADERS_GENRE_H_
