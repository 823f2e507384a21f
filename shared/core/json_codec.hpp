// The one JSON codec: any type made of described structs, described enums (as strings), optionals,
// vectors, string-keyed maps, strings, integers, floating-point numbers and booleans encodes and
// decodes here, strictly and without throwing. Per-type JSON code does not belong anywhere in the
// project: describe the type instead.
//
//   json/kind.hpp        JsonKind: the one classification of types every direction dispatches on
//   json/encode.hpp      encode(v) -> Json tree
//   json/fast_write.hpp  encode_text(v) -> the tree's dump, written without the tree
//   json/parse.hpp       parse_json(text) -> Json tree, bounded, no exceptions
//   json/decode.hpp      decode<T>(Json) -> Result<T>, errors named by JSON pointer
//   json/fast_read.hpp   decode_text<T>(text) -> Result<T>, without the tree when the text decodes
#pragma once

#include "shared/core/json/decode.hpp"
#include "shared/core/json/encode.hpp"
#include "shared/core/json/fast_read.hpp"
#include "shared/core/json/fast_write.hpp"
#include "shared/core/json/kind.hpp"
#include "shared/core/json/parse.hpp"
