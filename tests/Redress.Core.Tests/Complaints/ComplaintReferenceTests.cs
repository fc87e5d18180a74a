using Redress.Complaints;

namespace Redress.Core.Tests.Complaints;

public class ComplaintReferenceTests
{
    [Fact]
    public void References_read_like_RD_year_and_six_digits() =>
        Assert.Equal("RD-2026-000123", ComplaintReference.Format(2026, 123));

    [Fact]
    public void References_grow_past_a_million_without_breaking() =>
        Assert.True(ComplaintReference.IsWellFormed(ComplaintReference.Format(2026, 1_234_567)));

    [Theory]
    [InlineData(" rd-2026-000123 ", true)]
    [InlineData("RD-26-123", false)]
    [InlineData("RD-2026-000123; DROP TABLE", false)]
    public void References_are_recognised_as_people_type_them(string typed, bool wellFormed) =>
        Assert.Equal(wellFormed, ComplaintReference.IsWellFormed(ComplaintReference.Normalize(typed)));
}
