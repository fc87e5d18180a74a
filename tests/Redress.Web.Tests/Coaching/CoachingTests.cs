using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Coaching;

/// <summary>The reply coach and the tone of incoming complaints over HTTP, on SQLite and PostgreSQL.</summary>
public abstract class CoachingTests(AppFixture fixture)
{
    private RedressApp App => fixture.App;

    private async Task<JsonNode> ReviewAsync(JsonObject body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await App.Api().PostAsJsonAsync("/api/v1/coach/review", body);
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Passing_the_buck_is_found_with_its_span_and_a_better_wording()
    {
        const string text = "That's not my job, someone else handles refunds.";

        var review = await ReviewAsync(new JsonObject { ["text"] = text, ["kind"] = "reply" });

        var findings = review["findings"]!.AsArray();
        var buck = findings.Where(f => (string)f!["pitfall"]! == "passing_the_buck").ToList();
        Assert.Equal(2, buck.Count);
        Assert.All(buck, f =>
        {
            Assert.Equal("passing-the-buck", (string)f!["ruleId"]!);
            Assert.Equal("high", (string)f["severity"]!);
            Assert.Contains("I'll take care of this myself", (string)f["suggestion"]!);
            Assert.Equal((string)f["excerpt"]!, text.Substring((int)f["start"]!, (int)f["length"]!));
        });
        Assert.Equal("That's not my job", (string)buck[0]!["excerpt"]!);
        Assert.Equal("someone else handles", (string)buck[1]!["excerpt"]!);
    }

    [Fact]
    public async Task A_good_reply_has_no_findings_even_with_trigger_words_in_it()
    {
        var review = await ReviewAsync(new JsonObject
        {
            ["text"] = "I'm so sorry the wrong colour arrived. It's not your fault at all, and there's no problem at all sending it back: " +
                "I'll arrange a courier today and the right one will be with you by Friday.",
        });

        Assert.Empty(review["findings"]!.AsArray());
    }

    [Fact]
    public async Task With_a_case_the_moves_its_current_stage_expects_are_checked()
    {
        var reference = await App.Api().FileReferenceAsync();

        var review = await ReviewAsync(new JsonObject { ["text"] = "Noted.", ["reference"] = reference });

        Assert.Equal("specify", (string)review["stage"]!);
        var missing = review["findings"]!.AsArray().Select(f => (string?)f!["missingMove"]).OfType<string>().ToList();
        Assert.Equal(["thanks", "acknowledgement"], missing);
        var good = await ReviewAsync(new JsonObject { ["text"] = "Thank you for telling us. I can see the vase arrived broken, which must be so upsetting.", ["reference"] = reference });
        Assert.Empty(good["findings"]!.AsArray());
    }

    [Fact]
    public async Task An_incoming_message_gets_a_tone_score_and_its_signals()
    {
        var review = await ReviewAsync(new JsonObject { ["text"] = "Third time I've called. If this isn't fixed today I'm posting it all over Twitter and calling my lawyer!!", ["kind"] = "incoming" });

        var tone = review["tone"]!;
        Assert.True((double)tone["score"]! >= 0.8, tone.ToJsonString());
        Assert.True((bool)tone["volatile"]!);
        Assert.Equal(["threat_to_go_public", "legal_threat", "repeated_contact"], tone["signals"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        var noText = await ReviewAsync(new JsonObject { ["kind"] = "reply" }, HttpStatusCode.BadRequest);
        var badKind = await ReviewAsync(new JsonObject { ["text"] = "Hello", ["kind"] = "shout" }, HttpStatusCode.BadRequest);
        var tooLong = await ReviewAsync(new JsonObject { ["text"] = new string('a', 20_001) }, HttpStatusCode.BadRequest);
        var unknown = await ReviewAsync(new JsonObject { ["text"] = "Hello", ["reference"] = "RD-2026-999999" }, HttpStatusCode.NotFound);
        var malformed = await App.Api().PostAsync("/api/v1/coach/review", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));

        Assert.NotNull(noText["errors"]!["text"]);
        Assert.NotNull(badKind["errors"]!["kind"]);
        Assert.NotNull(tooLong["errors"]!["text"]);
        Assert.Contains("RD-2026-999999", (string)unknown["detail"]!);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Api(token: null).PostAsJsonAsync("/api/v1/coach/review", new JsonObject { ["text"] = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_complaint_threatening_social_media_is_filed_at_high_priority_and_reads_as_volatile()
    {
        var word = Json.UniqueWord();
        var body = Json.Complaint(word);
        body["description"] = $"{word} My order never came and nobody answers. If I don't hear back today I'm posting about this on social media.";

        var filed = await (await App.Api().FileAsync(body)).ReadJsonAsync();

        var @case = await (await App.Api().GetAsync($"/api/v1/complaints/{(string)filed["reference"]!}")).ReadJsonAsync();
        Assert.Equal("high", (string)@case["priority"]!);
        Assert.Contains("threat_to_go_public", @case["tone"]!["signals"]!.AsArray().Select(s => (string)s!));
        Assert.True((bool)@case["tone"]!["volatile"]!);
        Assert.Contains("read as angry", (string)@case["timeline"]![0]!["summary"]!);
        var item = Assert.Single((await (await App.Api().GetAsync($"/api/v1/complaints?q={word}")).ReadJsonAsync())["items"]!.AsArray())!;
        Assert.True((bool)item["tone"]!["volatile"]!);
        var calm = await (await App.Api().GetAsync($"/api/v1/complaints/{await App.Api().FileReferenceAsync()}")).ReadJsonAsync();
        Assert.Equal("normal", (string)calm["priority"]!);
    }

    [Fact]
    public async Task A_customers_message_threatening_social_media_is_kept_with_its_tone_and_raises_the_priority()
    {
        var word = Json.UniqueWord();
        var reference = await App.Api().FileReferenceAsync(Json.Complaint(word));
        const string said = "It's been a week and still nothing. If nobody sorts this by tomorrow I'm putting the whole story on Facebook and leaving a review.";

        var response = await App.Api().PostAsJsonAsync($"/api/v1/complaints/{reference}/messages", new JsonObject { ["body"] = said, ["from"] = "customer", ["via"] = "phone" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = await response.ReadJsonAsync();
        Assert.Equal("inbound", (string)message["direction"]!);
        Assert.Equal("phone", (string)message["via"]!);
        Assert.Equal(said, (string)message["body"]!);
        Assert.Contains("threat_to_go_public", message["tone"]!["signals"]!.AsArray().Select(s => (string)s!));
        var @case = await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync();
        Assert.Equal("high", (string)@case["priority"]!);
        Assert.True((bool)@case["tone"]!["volatile"]!);
        var entry = @case["timeline"]!.AsArray()[^1]!;
        Assert.Equal("customer_replied", (string)entry["kind"]!);
        Assert.Contains("priority raised from normal to high", (string)entry["summary"]!);
        var stored = @case["messages"]!.AsArray().Single(m => (string)m!["direction"]! == "inbound")!;
        Assert.Equal((double)message["tone"]!["score"]!, (double)stored["tone"]!["score"]!);
        Assert.Null(@case["messages"]!.AsArray().First(m => (string)m!["direction"]! == "outbound")!["tone"]);
        var item = Assert.Single((await (await App.Api().GetAsync($"/api/v1/complaints?q={word}")).ReadJsonAsync())["items"]!.AsArray())!;
        Assert.Equal("high", (string)item["priority"]!);
    }

    [Fact]
    public async Task A_customers_message_with_bad_fields_is_refused_by_name_and_nothing_is_recorded()
    {
        var reference = await App.Api().FileReferenceAsync();
        async Task<JsonNode> Refused(JsonObject body)
        {
            var response = await App.Api().PostAsJsonAsync($"/api/v1/complaints/{reference}/messages", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.ReadJsonAsync())["errors"]!;
        }

        Assert.NotNull((await Refused(new JsonObject { ["body"] = "Hi", ["from"] = "manager" }))["from"]);
        Assert.Contains("carrier pigeon", (string)(await Refused(new JsonObject { ["body"] = "Hi", ["from"] = "customer", ["via"] = "carrier pigeon" }))["via"]![0]!);
        Assert.NotNull((await Refused(new JsonObject { ["body"] = "Hi", ["from"] = "customer", ["visibility"] = "internal" }))["visibility"]);
        Assert.NotNull((await Refused(new JsonObject { ["body"] = "Hi", ["via"] = "phone" }))["via"]);
        Assert.NotNull((await Refused(new JsonObject { ["body"] = " ", ["from"] = "customer" }))["body"]);
        var @case = await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync();
        Assert.DoesNotContain(@case["messages"]!.AsArray(), m => (string)m!["direction"]! == "inbound");
        Assert.Equal(1, (int)@case["version"]!);
    }

    [Fact]
    public async Task A_playbooks_own_coaching_rules_apply_to_its_cases_and_a_broken_pattern_is_refused_with_its_line()
    {
        var (id, category) = ("shop-" + Guid.NewGuid().ToString("N")[..8], "shop-" + Json.UniqueWord());
        var yaml = $$"""
            id: {{id}}
            name: Shop floor
            applies_to:
              categories: [{{category}}]
            coach_rules:
              - id: no-jargon
                severity: low
                message: Customers do not know what an RMA is.
                suggestion: Say "return".
                patterns:
                  - \bRMA\b
            stages:
              - id: listen
                title: Listen
                steps:
                  - id: hear
                    title: Hear them out
                    guidance: Let them talk.
            """;
        var saved = await App.Api().PostAsync("/api/v1/playbooks", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var complaint = Json.Complaint();
        complaint["category"] = category;
        var reference = await App.Api().FileReferenceAsync(complaint);

        var review = await ReviewAsync(new JsonObject { ["text"] = "I'm sorry. Please fill in the RMA form.", ["reference"] = reference });
        var broken = await App.Api().PostAsync("/api/v1/playbooks", new StringContent(yaml.Replace(@"\bRMA\b", @"(RMA", StringComparison.Ordinal), Encoding.UTF8, "application/yaml"));

        Assert.Contains(review["findings"]!.AsArray(), f => (string)f!["ruleId"]! == "no-jargon" && (string)f["excerpt"]! == "RMA");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = Assert.Single((await broken.ReadJsonAsync())["problems"]!.AsArray())!;
        Assert.Equal(11, (int)problem["line"]!);
        Assert.Contains("not a valid regular expression", (string)problem["message"]!);
    }
}

public sealed class SqliteCoachingTests(SqliteApp fixture) : CoachingTests(fixture), IClassFixture<SqliteApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCoachingTests(PostgresApp fixture) : CoachingTests(fixture), IClassFixture<PostgresApp>;
