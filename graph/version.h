#ifndef ETKG_GRAPH_VERSION_H_
#define ETKG_GRAPH_VERSION_H_

namespace etkg {

inline constexpr char kVersion[] = "0.1.0";
inline constexpr char kGeneratorName[] = "etkg 0.1.0";

}  // namespace etkg

#endif  // ETKG_GRAPH_VERSION_H_
