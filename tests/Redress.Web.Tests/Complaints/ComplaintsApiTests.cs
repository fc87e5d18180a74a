using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Redress.Web.Identity;
using Redress.Web.Tests.Infrastructure;

namespace Redress.Web.Tests.Complaints;

/// <summary>The intake and case API as a client sees it; runs once on SQLite and once on PostgreSQL.</summary>
public abstract class ComplaintsApiTests(AppFixture fixture)
{
    private RedressApp App => fixture.App;

    [Fact]
    public async Task Filing_a_complaint_answers_201_with_reference_sla_and_acknowledgement()
    {
        var response = await App.Api().FileAsync(Json.Complaint());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var reference = (string)body["reference"]!;
        Assert.Matches(@"^RD-\d{4}-\d{6}$", reference);
        Assert.Equal($"/api/v1/complaints/{reference}", response.Headers.Location!.OriginalString);
        Assert.Equal("open", (string)body["status"]!);
        Assert.Null(body["owner"]);
        Assert.NotNull(body["sla"]!["firstResponseDue"]);
        Assert.NotNull(body["sla"]!["resolveDue"]);
        var acknowledgement = (string)body["acknowledgement"]!["message"]!;
        Assert.Contains("Thank you", acknowledgement);
        Assert.Contains(reference, acknowledgement);
        Assert.Contains("What happens next", acknowledgement);
    }

    [Fact]
    public async Task References_are_unique_and_increasing()
    {
        var first = await App.Api().FileReferenceAsync();
        var second = await App.Api().FileReferenceAsync();

        Assert.True(string.CompareOrdinal(second, first) > 0, $"{second} should come after {first}");
    }

    [Fact]
    public async Task The_case_keeps_the_customers_words_verbatim_with_the_acknowledgement_on_the_timeline()
    {
        var body = Json.Complaint();
        body["description"] = "  Line one.\r\n\r\nLine two — with “quotes” and émojis 🙂  ";
        var reference = await App.Api().FileReferenceAsync(body);

        var response = await App.Api().GetAsync($"/api/v1/complaints/{reference}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var complaint = await response.ReadJsonAsync();
        Assert.Equal("  Line one.\r\n\r\nLine two — with “quotes” and émojis 🙂  ", (string)complaint["customerWords"]!);
        var kinds = complaint["timeline"]!.AsArray().Select(e => (string)e!["kind"]!).ToList();
        Assert.Equal(["received", "acknowledged"], kinds);
        Assert.Equal(["outbound"], complaint["messages"]!.AsArray().Select(m => (string)m!["direction"]!));
        Assert.Equal("delivery", (string)complaint["category"]!);
        Assert.Equal("web", (string)complaint["channel"]!);
    }

    [Fact]
    public async Task A_returning_customer_is_recognised_by_email_and_their_latest_phone_kept()
    {
        var first = Json.Complaint();
        var email = (string)first["customer"]!["email"]!;
        var second = Json.Complaint();
        second["customer"]!["email"] = email.ToUpperInvariant();
        second["customer"]!["phone"] = "+44 161 496 0000";

        var firstReference = await App.Api().FileReferenceAsync(first);
        var secondReference = await App.Api().FileReferenceAsync(second);

        var list = await (await App.Api().GetAsync($"/api/v1/complaints?status=all&q={Uri.EscapeDataString(email)}")).ReadJsonAsync();
        Assert.Equal([firstReference, secondReference], list["items"]!.AsArray().Select(i => (string)i!["reference"]!));
        var latest = await (await App.Api().GetAsync($"/api/v1/complaints/{firstReference}")).ReadJsonAsync();
        Assert.Equal("+44 161 496 0000", (string)latest["customer"]!["phone"]!);
        Assert.Equal(email, (string)latest["customer"]!["email"]!);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_answer_and_creates_nothing()
    {
        var word = Json.UniqueWord();
        var body = Json.Complaint(word);
        var key = Guid.NewGuid().ToString();

        var first = await App.Api().FileAsync(body, key);
        var retry = await App.Api().FileAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var list = await (await App.Api().GetAsync($"/api/v1/complaints?status=all&q={word}")).ReadJsonAsync();
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_file_one_complaint()
    {
        var word = Json.UniqueWord();
        var body = Json.Complaint(word);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.Api().FileAsync(body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var references = await Task.WhenAll(responses.Select(async r => (string)(await r.ReadJsonAsync())["reference"]!));
        Assert.Single(references.Distinct());
        var list = await (await App.Api().GetAsync($"/api/v1/complaints?status=all&q={word}")).ReadJsonAsync();
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_complaint_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        await App.Api().FileAsync(Json.Complaint("first"), key);

        var response = await App.Api().FileAsync(Json.Complaint("second"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("different request body", (string)(await response.ReadJsonAsync())["detail"]!);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_body()
    {
        var response = await App.Api().PostAsync("/api/v1/complaints",
            new StringContent("{\"subject\": \"Broken\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("not valid JSON", (string)problem["errors"]!["body"]![0]!);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_named()
    {
        var response = await App.Api().PostAsync("/api/v1/complaints",
            new StringContent("{\"subject\": 42}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wrong type", (string)(await response.ReadJsonAsync())["errors"]!["subject"]![0]!);
    }

    [Fact]
    public async Task Every_missing_field_is_named_and_nothing_is_filed()
    {
        var response = await App.Api().PostAsJsonAsync("/api/v1/complaints", new { channel = "web" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["customer.email", "customer.name", "description", "subject"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task An_invalid_email_is_named()
    {
        var body = Json.Complaint();
        body["customer"]!["email"] = "maria(at)example";

        var response = await App.Api().FileAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid e-mail address", (string)(await response.ReadJsonAsync())["errors"]!["customer.email"]![0]!);
    }

    [Fact]
    public async Task An_oversized_field_is_named_with_its_limit()
    {
        var body = Json.Complaint();
        body["description"] = new string('x', 20_001);

        var response = await App.Api().FileAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the limit is 20,000", (string)(await response.ReadJsonAsync())["errors"]!["description"]![0]!);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var body = Json.Complaint();
        body["description"] = new string('x', 300_000);

        var response = await App.Api().FileAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_channel_is_named()
    {
        var body = Json.Complaint();
        body["channel"] = "carrier-pigeon";

        var response = await App.Api().FileAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown channel", (string)(await response.ReadJsonAsync())["errors"]!["channel"]![0]!);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await App.Api().PostAsync("/api/v1/complaints", new StringContent("subject=Broken", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Html_and_script_in_every_text_field_are_stored_exactly_as_given()
    {
        const string Script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var body = Json.Complaint();
        body["customer"]!["name"] = Script;
        body["subject"] = Script;
        body["description"] = Script;
        body["orderReference"] = Script;
        body["desiredOutcome"] = Script;

        var reference = await App.Api().FileReferenceAsync(body);
        var complaint = await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync();

        Assert.Equal(Script, (string)complaint["subject"]!);
        Assert.Equal(Script, (string)complaint["customerWords"]!);
        Assert.Equal(Script, (string)complaint["customer"]!["name"]!);
        Assert.Equal(Script, (string)complaint["orderReference"]!);
        Assert.Equal(Script, (string)complaint["desiredOutcome"]!);
    }

    [Fact]
    public async Task An_unknown_reference_is_404_for_reads_and_writes()
    {
        var get = await App.Api().GetAsync("/api/v1/complaints/RD-1999-999999");
        var post = await App.Api().PostAsJsonAsync("/api/v1/complaints/RD-1999-999999/messages", new { body = "Hello" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("RD-1999-999999", (string)(await get.ReadJsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task A_missing_or_unknown_token_is_401()
    {
        var missing = await App.Api(token: null).GetAsync("/api/v1/complaints");
        var unknown = await App.Api(token: "rd_not_a_real_token").FileAsync(Json.Complaint());

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task Staff_without_a_role_are_forbidden()
    {
        var (_, _, token) = await App.CreateStaffAsync(role: null);

        var response = await App.Api(token).GetAsync("/api/v1/complaints");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_can_file_and_read()
    {
        var (_, _, token) = await App.CreateStaffAsync(Roles.Agent);

        var reference = await App.Api(token).FileReferenceAsync();

        Assert.Equal(HttpStatusCode.OK, (await App.Api(token).GetAsync($"/api/v1/complaints/{reference}")).StatusCode);
    }

    [Fact]
    public async Task A_reply_goes_on_the_timeline_makes_the_replier_owner_and_moves_the_case_on()
    {
        var (userId, _, token) = await App.CreateStaffAsync(Roles.Agent, "Alex Morgan");
        var reference = await App.Api().FileReferenceAsync();

        var response = await App.Api(token).PostAsJsonAsync($"/api/v1/complaints/{reference}/messages",
            new { body = "I am sorry. I will replace the vase and write again by Friday.", visibility = "customer" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("outbound", (string)(await response.ReadJsonAsync())["direction"]!);
        var complaint = await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync();
        Assert.Equal("in_progress", (string)complaint["status"]!);
        Assert.Equal(userId, (string)complaint["owner"]!["id"]!);
        Assert.NotNull(complaint["sla"]!["firstRespondedAt"]);
        Assert.Equal(["received", "acknowledged", "owner_assigned", "reply_sent"], complaint["timeline"]!.AsArray().Select(e => (string)e!["kind"]!));
    }

    [Fact]
    public async Task An_internal_note_is_recorded_without_answering_the_customer()
    {
        var reference = await App.Api().FileReferenceAsync();

        var response = await App.Api().PostAsJsonAsync($"/api/v1/complaints/{reference}/messages", new { body = "Courier photos show the crushed box.", visibility = "internal" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var complaint = await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync();
        Assert.Equal("open", (string)complaint["status"]!);
        Assert.Equal("internal", (string)complaint["messages"]!.AsArray().Last()!["direction"]!);
    }

    [Fact]
    public async Task A_message_with_bad_fields_names_them()
    {
        var reference = await App.Api().FileReferenceAsync();

        var response = await App.Api().PostAsJsonAsync($"/api/v1/complaints/{reference}/messages", new { body = "", visibility = "everyone" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["body", "visibility"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var reference = await App.Api().FileReferenceAsync();
        var etag = (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).Headers.ETag!;
        await App.Api().PostAsJsonAsync($"/api/v1/complaints/{reference}/messages", new { body = "A note that moves the version on.", visibility = "internal" });

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{reference}/messages") { Content = JsonContent.Create(new { body = "Reply based on an old view." }) };
        stale.Headers.IfMatch.Add(etag);
        var response = await App.Api().SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var complaint = await (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).ReadJsonAsync();
        Assert.DoesNotContain(complaint["messages"]!.AsArray(), m => (string)m!["body"]! == "Reply based on an old view.");
    }

    [Fact]
    public async Task A_write_with_the_current_etag_succeeds_and_returns_the_next_one()
    {
        var reference = await App.Api().FileReferenceAsync();
        var etag = (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).Headers.ETag!;

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/complaints/{reference}/messages") { Content = JsonContent.Create(new { body = "Reply." }) };
        request.Headers.IfMatch.Add(etag);
        var response = await App.Api().SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
        Assert.Equal(response.Headers.ETag, (await App.Api().GetAsync($"/api/v1/complaints/{reference}")).Headers.ETag);
    }

    [Fact]
    public async Task Assigning_an_owner_by_email_records_it_and_unknown_staff_are_named()
    {
        var (userId, email, _) = await App.CreateStaffAsync(Roles.Agent, "Priya Shah");
        var reference = await App.Api().FileReferenceAsync();

        var assigned = await App.Api().PostAsJsonAsync($"/api/v1/complaints/{reference}/owner", new { owner = email });
        var unknown = await App.Api().PostAsJsonAsync($"/api/v1/complaints/{reference}/owner", new { owner = "nobody@example.com" });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(userId, (string)(await assigned.ReadJsonAsync())["id"]!);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("nobody@example.com", (string)(await unknown.ReadJsonAsync())["errors"]!["owner"]![0]!);
    }

    [Fact]
    public async Task The_list_pages_with_a_cursor_without_repeating_or_skipping()
    {
        var word = Json.UniqueWord();
        var filed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            filed.Add(await App.Api().FileReferenceAsync(Json.Complaint(word)));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await App.Api().GetAsync($"/api/v1/complaints?q={word}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["reference"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        // Same priority: the nearest deadline first, which is the order they came in.
        Assert.Equal(filed, seen);
    }

    [Fact]
    public async Task Filters_by_status_and_owner()
    {
        var word = Json.UniqueWord();
        var (_, _, token) = await App.CreateStaffAsync(Roles.Agent);
        var answered = await App.Api().FileReferenceAsync(Json.Complaint(word));
        var waiting = await App.Api().FileReferenceAsync(Json.Complaint(word));
        await App.Api(token).PostAsJsonAsync($"/api/v1/complaints/{answered}/messages", new { body = "On it." });

        async Task<List<string>> List(string query, string? as_ = null) =>
            [.. (await (await App.Api(as_ ?? RedressApp.AdminToken).GetAsync($"/api/v1/complaints?q={word}&{query}")).ReadJsonAsync())["items"]!.AsArray().Select(i => (string)i!["reference"]!)];

        Assert.Equal([answered], await List("status=in_progress"));
        Assert.Equal([waiting], await List("status=open&owner=none"));
        Assert.Equal([answered], await List("owner=me", token));
        Assert.Empty(await List("status=closed"));
    }

    [Fact]
    public async Task Bad_filters_are_named()
    {
        var response = await App.Api().GetAsync("/api/v1/complaints?status=lost&limit=1000&cursor=garbage!");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["cursor", "limit", "status"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Search_finds_words_in_the_customers_text_by_stem_reference_and_email()
    {
        var word = Json.UniqueWord();
        var body = Json.Complaint();
        body["description"] = $"They refunded {word} nothing after the flooding.";
        var email = (string)body["customer"]!["email"]!;
        var reference = await App.Api().FileReferenceAsync(body);

        async Task<List<string>> Search(string q) =>
            [.. (await (await App.Api().GetAsync($"/api/v1/complaints?status=all&q={Uri.EscapeDataString(q)}")).ReadJsonAsync())["items"]!.AsArray().Select(i => (string)i!["reference"]!)];

        Assert.Equal([reference], await Search($"{word} flood"));
        Assert.Equal([reference], await Search(reference.ToLowerInvariant()));
        Assert.Equal([reference], await Search(email.ToUpperInvariant()));
        Assert.Empty(await Search($"{word} \"unbalanced quotes OR ( NEAR"));
    }
}

public sealed class SqliteComplaintsApiTests(SqliteApp fixture) : ComplaintsApiTests(fixture), IClassFixture<SqliteApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresComplaintsApiTests(PostgresApp fixture) : ComplaintsApiTests(fixture), IClassFixture<PostgresApp>;
