// Postal addresses. The fields follow Google's address model so that one struct fits every country;
// which of them a country uses and requires, and its postal-code format, come from
// shared/reference/postal_codes.hpp and are checked in validation/addresses.cpp.
#pragma once

#include <boost/describe.hpp>

#include <optional>
#include <string>
#include <vector>

namespace onb::model {

struct Address {
  std::vector<std::string> street_lines;          // 1 to 3 lines: street, number, building, floor
  std::optional<std::string> dependent_locality;  // district where the country uses one (KR, CN, GB villages)
  std::string city;
  std::optional<std::string> region;        // state, province, county: required in US, CA, AU, BR, ...
  std::string postal_code;                  // "" where the country has none
  std::optional<std::string> sorting_code;  // CEDEX and the like
  std::string country;                      // ISO 3166-1 alpha-2
};
BOOST_DESCRIBE_STRUCT(Address, (), (street_lines, dependent_locality, city, region, postal_code, sorting_code, country))

struct Addresses {
  Address registered;               // the registered office: drives country rules everywhere
  std::optional<Address> billing;   // absent = invoices go to the registered office
  std::optional<Address> shipping;  // absent = goods go to the registered office
};
BOOST_DESCRIBE_STRUCT(Addresses, (), (registered, billing, shipping))

}  // namespace onb::model
