using System.Globalization;
using System.Net;
using System.Text;

namespace Vestis.Publicity;

/// <summary>
/// The EU emblem, drawn from the official geometry (Implementing Regulation 821/2014, Annex II) rather than
/// shipped as artwork, so that no template or asset edit can distort it: a 3:2 reflex-blue rectangle, twelve
/// upright five-pointed gold stars at the clock-hour positions of a circle of radius 1/3 of the height, each
/// star's points on a circle of radius 1/18 of the height.
/// </summary>
public static class EuEmblem
{
    public const string Blue = "#003399";
    public const string Yellow = "#FFCC00";

    /// <summary>Height in drawing units: 540 makes every official ratio a whole number (circle 180, star 30).</summary>
    public const int Height = 540;
    public const int Width = Height * 3 / 2;
    public const double CircleRadius = Height / 3.0;
    public const double StarRadius = Height / 18.0;

    /// <summary>The height the emblem is shown at, in CSS pixels; a national logo beside it is never taller.</summary>
    public const int DisplayHeight = 60;
    public const int DisplayWidth = DisplayHeight * 3 / 2;

    // A regular pentagram's inner vertices lie at cos 72° / cos 36° of the outer radius.
    private static readonly double InnerRadius = StarRadius * Math.Cos(72 * Math.PI / 180) / Math.Cos(36 * Math.PI / 180);

    private static readonly string Stars = string.Concat(Enumerable.Range(0, 12).Select(Star));

    /// <summary>Inline SVG markup, with the label's statement as its accessible name.</summary>
    public static string Svg(string statement)
    {
        var name = WebUtility.HtmlEncode(statement);
        return $"<svg class=\"eu-emblem\" data-eu-emblem xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" " +
            $"width=\"{DisplayWidth}\" height=\"{DisplayHeight}\" role=\"img\" aria-label=\"{name}\">" +
            $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"{Blue}\"/><g fill=\"{Yellow}\">{Stars}</g></svg>";
    }

    /// <summary>The star at clock hour <paramref name="hour"/> (0 is twelve o'clock), one point straight up.</summary>
    private static string Star(int hour)
    {
        var centreAngle = (hour * 30 - 90) * Math.PI / 180;
        var cx = Width / 2.0 + CircleRadius * Math.Cos(centreAngle);
        var cy = Height / 2.0 + CircleRadius * Math.Sin(centreAngle);
        var points = new StringBuilder();
        for (var vertex = 0; vertex < 10; vertex++)
        {
            // Vertex 0 points straight up whatever the star's place on the circle: the stars are never rotated.
            var angle = (vertex * 36 - 90) * Math.PI / 180;
            var radius = vertex % 2 == 0 ? StarRadius : InnerRadius;
            if (vertex > 0) points.Append(' ');
            points.Append(Number(cx + radius * Math.Cos(angle))).Append(',').Append(Number(cy + radius * Math.Sin(angle)));
        }
        return $"<polygon points=\"{points}\"/>";
    }

    private static string Number(double value) =>
        Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture);
}
