#!/usr/bin/python3
"""Setup of the status-read benchmark, through the API like a customer: register an account, log in,
create one enrollment with the complete application and read it back once. Prints JSON
{"token", "enrollment_id", "read_bytes"} and writes the read's body to --body-out (nginx serves the
same bytes as its static file). Python 3 stdlib only.

    setup.py --port 8080 --application tests/data/applications/complete.json --body-out /tmp/x/enrollment.json
"""
import argparse
import http.client
import json
import sys

PASSWORD = 'bench password 2026'


def call(conn, method, path, body=None, token=None, expect=200):
    headers = {'Content-Type': 'application/json'} if body is not None else {}
    if token:
        headers['Authorization'] = 'Bearer ' + token
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    res = conn.getresponse()
    data = res.read()
    if res.status != expect:
        sys.exit(f'setup.py: {method} {path}: {res.status} {data[:300]!r}')
    return data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--port', type=int, required=True)
    ap.add_argument('--application', required=True)
    ap.add_argument('--body-out', required=True)
    args = ap.parse_args()
    with open(args.application) as f:
        application = json.load(f)
    # argon2id makes register and login take ≈0.1-1 s each on a loaded machine.
    conn = http.client.HTTPConnection('127.0.0.1', args.port, timeout=30)
    email = 'bench@example.com'
    call(conn, 'POST', '/v1/accounts', {'email': email, 'password': PASSWORD}, expect=201)
    token = json.loads(call(conn, 'POST', '/v1/sessions', {'email': email, 'password': PASSWORD}, expect=201))['token']
    created = json.loads(call(conn, 'POST', '/v1/enrollments', {'application': application}, token, expect=201))
    body = call(conn, 'GET', '/v1/enrollments/' + created['id'], token=token)
    with open(args.body_out, 'wb') as f:
        f.write(body)
    print(json.dumps({'token': token, 'enrollment_id': created['id'], 'read_bytes': len(body)}))


if __name__ == '__main__':
    main()
