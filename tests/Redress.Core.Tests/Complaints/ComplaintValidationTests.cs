using Redress.Complaints;

namespace Redress.Core.Tests.Complaints;

public class ComplaintValidationTests
{
    private static NewComplaint Valid() => new()
    {
        CustomerName = "Maria Garcia",
        CustomerEmail = "Maria.Garcia@Example.com",
        Subject = "Parcel arrived damaged",
        Description = "The box was crushed.\n\nThe vase inside is broken.",
    };

    [Fact]
    public void A_complete_complaint_is_accepted_with_the_customers_words_untouched()
    {
        var input = Valid() with { Description = "  Spaces and\r\nline breaks stay exactly as typed.  " };

        var (complaint, errors) = ComplaintValidation.Validate(input, Channel.Web);

        Assert.Empty(errors);
        Assert.Equal(input.Description, complaint!.Description);
        Assert.Equal("maria.garcia@example.com", complaint.CustomerEmail);
        Assert.Equal(ComplaintLimits.DefaultCategory, complaint.Category);
        Assert.Equal(Channel.Web, complaint.Channel);
    }

    [Fact]
    public void Every_missing_required_field_is_named()
    {
        var (complaint, errors) = ComplaintValidation.Validate(new NewComplaint { Description = "   " }, Channel.Api);

        Assert.Null(complaint);
        Assert.Equal(["customer.email", "customer.name", "description", "subject"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@@example.com")]
    [InlineData("Maria <maria@example.com>")]
    [InlineData("space in@example.com")]
    public void An_invalid_email_is_refused(string email)
    {
        var (_, errors) = ComplaintValidation.Validate(Valid() with { CustomerEmail = email }, Channel.Web);

        Assert.Contains("is not a valid e-mail address", Assert.Single(errors["customer.email"]));
    }

    [Fact]
    public void Oversized_fields_are_refused_with_the_limit()
    {
        var (_, errors) = ComplaintValidation.Validate(
            Valid() with { Description = new string('x', ComplaintLimits.DescriptionLength + 1), Subject = new string('s', 201) }, Channel.Web);

        Assert.Contains("the limit is 20,000", errors["description"][0]);
        Assert.Contains("the limit is 200", errors["subject"][0]);
    }

    [Fact]
    public void Control_characters_are_refused_because_they_cannot_be_stored()
    {
        var (_, errors) = ComplaintValidation.Validate(Valid() with { Subject = "Broken\0vase" }, Channel.Web);

        Assert.Contains("control characters", errors["subject"][0]);
    }

    [Fact]
    public void Html_and_script_are_accepted_as_text()
    {
        const string Script = "<script>alert('x')</script><b>bold</b>";

        var (complaint, errors) = ComplaintValidation.Validate(Valid() with { Subject = Script, Description = Script }, Channel.Web);

        Assert.Empty(errors);
        Assert.Equal(Script, complaint!.Subject);
    }

    [Theory]
    [InlineData("phone", Channel.Phone)]
    [InlineData("IN-PERSON", Channel.InPerson)]
    [InlineData("in_person", Channel.InPerson)]
    public void Channels_are_read_by_their_wire_names(string value, Channel expected)
    {
        var (complaint, _) = ComplaintValidation.Validate(Valid() with { Channel = value }, Channel.Api);

        Assert.Equal(expected, complaint!.Channel);
    }

    [Fact]
    public void An_unknown_channel_lists_the_known_ones()
    {
        var (_, errors) = ComplaintValidation.Validate(Valid() with { Channel = "pigeon" }, Channel.Api);

        Assert.Contains("web, email, api, phone", errors["channel"][0]);
    }

    [Theory]
    [InlineData("Late Delivery")]
    [InlineData("-billing")]
    [InlineData("billing!")]
    public void A_malformed_category_is_refused(string category)
    {
        var (_, errors) = ComplaintValidation.Validate(Valid() with { Category = category }, Channel.Web);

        Assert.True(errors.ContainsKey("category"));
    }

    [Fact]
    public void A_category_is_normalised_to_lower_case()
    {
        var (complaint, _) = ComplaintValidation.Validate(Valid() with { Category = " Billing " }, Channel.Web);

        Assert.Equal("billing", complaint!.Category);
    }

    [Fact]
    public void An_empty_message_body_is_refused()
    {
        Assert.Equal("The message is empty.", ComplaintValidation.MessageBodyError(" \n "));
        Assert.Null(ComplaintValidation.MessageBodyError("Thank you for telling us."));
    }
}
