// The tables of the JSON format (core/format_fields.hpp) walked by type, for the tests.
#pragma once

#include <set>
#include <string>
#include <type_traits>

#include "../../core/format_internal.hpp"

namespace trayecto::test {

// The type of the objects inside a member of a given kind (void for scalars).
template <typename Kind, typename Member>
struct ChildOf { using type = void; };
template <typename Member>
struct ChildOf<format::kind::List, Member> { using type = typename Member::value_type; };
template <typename Member>
struct ChildOf<format::kind::Items, Member> { using type = typename Member::value_type; };
template <typename Member>
struct ChildOf<format::kind::Detail, Member> { using type = typename Member::value_type; };
template <typename Member>
struct ChildOf<format::kind::Object, Member> { using type = Member; };
template <typename Member>
struct ChildOf<format::kind::Section, Member> { using type = Member; };

template <typename Kind>
constexpr bool kIsList = std::is_same_v<Kind, format::kind::List> || std::is_same_v<Kind, format::kind::Items>;

// Calls f(kind, key, Child*) for each row of T's table, Child being the type of the objects
// the member holds (void for scalars).
template <typename T, typename F>
void rows(F&& f) {
    T probe;
    format::Fields<T>::each(probe, [&](auto k, const char* key, auto& member) {
        using Child = typename ChildOf<decltype(k), std::decay_t<decltype(member)>>::type;
        f(k, key, static_cast<Child*>(nullptr));
    });
}

// "card/votes" (the object's item name, "/", the key) for every key of every table reachable from T.
template <typename T>
void tableKeys(std::set<std::string>& out) {
    rows<T>([&](auto, const char* key, auto* child) {
        out.insert(std::string(errorWordName(format::Fields<T>::item)) + "/" + key);
        using Child = std::remove_pointer_t<decltype(child)>;
        if constexpr (!std::is_void_v<Child>) tableKeys<Child>(out);
    });
}

}  // namespace trayecto::test
