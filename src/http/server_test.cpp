#include "http/server.h"

#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <iterator>
#include <thread>

#include "http/errors.h"
#include "http/testing/raw_client.h"

namespace imagross::http {
namespace {

using testing::get;
using testing::RawClient;

RouteOptions offloaded() {
  RouteOptions options;
  options.pool = Pool::heavy;
  return options;
}

RouteOptions streamed() {
  RouteOptions options;
  options.stream_body = true;
  options.precheck = [](const Request& request) {
    if (request.query.empty()) {
      throw invalid_parameter("filename", "filename is required");
    }
  };
  return options;
}

// A server on a free loopback port, run on a thread of its own for the length of a test.
class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    upload_directory_ = std::filesystem::temp_directory_path() /
                        ("imagross-server-test-" + std::to_string(::getpid()));
    router_.add("GET", "/hello", [](Request&) { return json_response(200, R"({"hello":1})"); });
    router_.add("POST", "/echo", [](Request& request) {
      return json_response(200, "{\"size\":" + std::to_string(request.body.size()) + "}");
    });
    router_.add("GET", "/items/{id}", [](Request& request) {
      if (request.path_param("id") == "0") {
        throw invalid_parameter("id", "id must be positive");
      }
      return json_response(200, "{}");
    });
    router_.add("GET", "/boom", [](Request&) -> Response { throw std::runtime_error("secret"); });
    router_.add(
        "GET", "/slow",
        [this](Request&) {
          release_slow_.get_future().wait();
          return json_response(200, "{}");
        },
        offloaded());
    router_.add(
        "POST", "/upload",
        [](Request& request) {
          std::ifstream file(request.body_file, std::ios::binary);
          const std::string content((std::istreambuf_iterator<char>(file)), {});
          return json_response(200, "{\"size\":" + std::to_string(request.body_size) +
                                        ",\"first\":\"" + content.substr(0, 5) + "\"}");
        },
        streamed());
  }

  void start(ServerConfig config = {}) {
    config.listen = ListenAddress{"127.0.0.1", 0, true};
    config.handle_signals = false;
    config.upload_directory = upload_directory_;
    server_ = std::make_unique<Server>(config, router_);
    server_->listen();
    port_ = server_->port();
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    if (server_) {
      server_->stop();
      thread_.join();
    }
    std::filesystem::remove_all(upload_directory_);
  }

  Router router_;
  std::promise<void> release_slow_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
  std::filesystem::path upload_directory_;
};

TEST_F(ServerTest, AnswersWithGeneratedRequestId) {
  start();
  const auto response = get(port_, "/hello");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"hello":1})");
  EXPECT_EQ(response->headers.at("x-request-id").size(), 16u);
  EXPECT_EQ(response->headers.at("content-type"), "application/json; charset=utf-8");
}

TEST_F(ServerTest, EchoesSafeClientRequestId) {
  start();
  EXPECT_EQ(get(port_, "/hello", "X-Request-Id: abc-123.x_y\r\n")->headers.at("x-request-id"),
            "abc-123.x_y");
  EXPECT_NE(get(port_, "/hello", "X-Request-Id: a b\"c\r\n")->headers.at("x-request-id"), "a b\"c");
}

TEST_F(ServerTest, KeepsConnectionAlive) {
  start();
  RawClient client(port_);
  for (int i = 0; i < 3; ++i) {
    client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client.read_response();
    ASSERT_TRUE(response) << "request " << i;
    EXPECT_EQ(response->status, 200);
  }
}

TEST_F(ServerTest, ClosesWhenClientAsks) {
  start();
  RawClient client(port_);
  client.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(client.read_response());
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, UnknownPathIs404Json) {
  start();
  const auto response = get(port_, "/nowhere");
  EXPECT_EQ(response->status, 404);
  EXPECT_NE(response->body.find(R"("code":"not_found")"), std::string::npos);
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  start();
  RawClient client(port_);
  client.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto response = client.read_response();
  EXPECT_EQ(response->status, 405);
  EXPECT_EQ(response->headers.at("allow"), "GET, HEAD");
}

TEST_F(ServerTest, HandlerErrorMapsToStatus) {
  start();
  const auto response = get(port_, "/items/0");
  EXPECT_EQ(response->status, 400);
  EXPECT_NE(response->body.find(R"("parameter":"id")"), std::string::npos);
}

TEST_F(ServerTest, UnexpectedExceptionIs500WithoutDetails) {
  start();
  const auto response = get(port_, "/boom");
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->body.find("secret"), std::string::npos);
  EXPECT_NE(response->body.find(response->headers.at("x-request-id")), std::string::npos);
}

TEST_F(ServerTest, HeadHasLengthButNoBody) {
  start();
  RawClient client(port_);
  client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto response = client.read_response(true);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->headers.at("content-length"), "11");
  client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.read_response()->body, R"({"hello":1})");
}

TEST_F(ServerTest, MalformedRequestIs400) {
  start();
  RawClient client(port_);
  client.send("GET /hello HTTP/9.9 nonsense\r\n\r\n");
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
}

TEST_F(ServerTest, InvalidPercentEscapeIs400) {
  start();
  const auto response = get(port_, "/hello?x=%zz");
  EXPECT_EQ(response->status, 400);
  EXPECT_NE(response->body.find("invalid_target"), std::string::npos);
}

TEST_F(ServerTest, OversizedHeaderIs431) {
  ServerConfig config;
  config.header_limit = 1024;
  start(config);
  const auto response = get(port_, "/hello", "X-Filler: " + std::string(2000, 'a') + "\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 431);
}

TEST_F(ServerTest, OversizedBodyIs413) {
  ServerConfig config;
  config.body_limit = 100;
  start(config);
  RawClient client(port_);
  client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 200\r\n\r\n" +
              std::string(200, 'b'));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(ServerTest, SmallBodyIsRead) {
  start();
  RawClient client(port_);
  client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_EQ(client.read_response()->body, R"({"size":5})");
}

TEST_F(ServerTest, StreamedBodyLandsInFile) {
  ServerConfig config;
  config.body_limit = 10;  // the upload route is not bound by the in-memory limit
  start(config);
  RawClient client(port_);
  const std::string body = "hello" + std::string(100000, 'x');
  client.send("POST /upload?filename=a.csv HTTP/1.1\r\nHost: x\r\nContent-Length: " +
              std::to_string(body.size()) + "\r\n\r\n" + body);
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, R"({"size":100005,"first":"hello"})");
  EXPECT_TRUE(std::filesystem::is_empty(upload_directory_));
}

TEST_F(ServerTest, StreamedBodyAnswersExpectContinue) {
  start();
  RawClient client(port_);
  client.send(
      "POST /upload?filename=a.csv HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read_response()->status, 100);
  client.send("hello");
  EXPECT_EQ(client.read_response()->body, R"({"size":5,"first":"hello"})");
}

TEST_F(ServerTest, PrecheckRejectsBeforeBody) {
  start();
  RawClient client(port_);
  client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_NE(response->body.find(R"("parameter":"filename")"), std::string::npos);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, UploadOverLimitIs413) {
  ServerConfig config;
  config.upload_limit = 1000;
  start(config);
  RawClient client(port_);
  client.send("POST /upload?f=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" +
              std::string(5000, 'z'));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(ServerTest, OffloadedHandlerDoesNotBlockOthers) {
  start();
  RawClient slow(port_);
  slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  // The slow handler waits until the response to this request is read, so the test hangs (and
  // the read times out) if the slow one blocks the server.
  EXPECT_EQ(get(port_, "/hello")->status, 200);
  release_slow_.set_value();
  EXPECT_EQ(slow.read_response()->status, 200);
}

TEST_F(ServerTest, IdleConnectionTimesOut) {
  ServerConfig config;
  config.idle_timeout = std::chrono::milliseconds(200);
  start(config);
  RawClient client(port_);
  client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(client.read_response());
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, StopFinishesRequestInFlight) {
  start();
  RawClient idle(port_);
  idle.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(idle.read_response());
  RawClient busy(port_);
  busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the request reach the handler

  server_->stop();
  EXPECT_TRUE(idle.closed_by_server());
  release_slow_.set_value();
  const auto response = busy.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->headers.at("connection"), "close");
  thread_.join();
  server_.reset();
}

TEST_F(ServerTest, MetricsCountRequestsByRoute) {
  start();
  get(port_, "/hello");
  get(port_, "/nowhere");
  // A request is counted just after its response is written, so wait for the count.
  std::string text;
  for (int i = 0; i < 100 && text.find("status=\"404\"") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    text.clear();
    server_->metrics().append_prometheus(text);
  }
  EXPECT_NE(
      text.find(R"(imagross_http_requests_total{route="/hello",method="GET",status="200"} 1)"),
      std::string::npos);
  EXPECT_NE(text.find(R"(route="unmatched",method="GET",status="404"} 1)"), std::string::npos);
}

}  // namespace
}  // namespace imagross::http
