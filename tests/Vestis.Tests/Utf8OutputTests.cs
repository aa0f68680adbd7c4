using System.Text;
using Vestis.Templating;

namespace Vestis.Tests;

/// <summary>A page's output gives the bytes <see cref="Encoding.UTF8"/> gives for its whole text, however the writes cut it.</summary>
public sealed class Utf8OutputTests
{
    [Theory]
    [InlineData("Ilūkste · Rēzekne · Прейли · € · 𝔈𝔘 🇪🇺")]
    [InlineData("a lone high \ud83c and low \udf0d surrogate, and one at the end \ud83c")]
    public void Writes_cut_anywhere_give_the_bytes_of_the_whole_text(string text)
    {
        var output = new Utf8Output();
        for (var cut = 0; cut <= text.Length; cut++)
        {
            output.Write(text, 0, cut);
            output.Write(text, cut, text.Length - cut);
            Assert.Equal(Encoding.UTF8.GetBytes(text), output.Take());
        }
    }

    [Fact]
    public void Take_and_Clear_leave_the_output_empty()
    {
        var output = new Utf8Output();
        output.Write("left by a render that threw \ud83c", 0, 29);
        output.Clear();
        output.Write("page", 0, 4);
        Assert.Equal("page"u8.ToArray(), output.Take());
        Assert.Empty(output.Take());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Markup_in_UTF8_goes_between_the_texts_as_it_is()
    {
        var output = new Utf8Output();
        output.Write("<p>Ilūkste ", 0, 11);
        output.Write("<b>Rēzekne</b>"u8);
        output.Write(" € \ud83c", 0, 4);
        output.Write("<br>"u8);
        output.Write("\udf0d</p>", 0, 5);

        // Half a surrogate pair before markup is a lone surrogate, written as U+FFFD as at the end of the page.
        Assert.Equal(Encoding.UTF8.GetBytes("<p>Ilūkste <b>Rēzekne</b> € \uFFFD<br>\uFFFD</p>"), output.Take());
    }
}
