// The first part of an application a customer fills in: who the company is. The portal's first form
// and the server's draft endpoint exchange exactly this. Rules about it live in validation/.
#pragma once

#include <boost/describe.hpp>

#include <string>

namespace onb::model {

struct CompanyBasics {
  std::string legal_name;  // as in the commercial register, any script
  std::string country;     // ISO 3166-1 alpha-2 of the registered office
  std::string vat_number;  // with or without the country prefix; empty where none is held
};
BOOST_DESCRIBE_STRUCT(CompanyBasics, (), (legal_name, country, vat_number))

}  // namespace onb::model
