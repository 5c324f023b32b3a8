/// Common given names across English-language news (English, Spanish, French, German,
/// Slavic, Arabic, Persian, South Asian, East Asian), for telling a person's name from
/// other capitalised sequences. A general list; no name is here because of one article.
enum GivenNames {
    static let all: Set<String> = Set("""
    Aaron Abby Abdul Abdullah Abe Abigail Adam Adrian Ahmad Ahmed Aidan Alan Albert Alberto Alejandro \
    Aleksandr Alex Alexander Alexandra Alexandre Alexei Alexey Alfred Ali Alice Alicia Alison Allen \
    Amanda Amber Amy Ana  Anastasia Anders Andre Andrea Andreas Andrei Andrej Andres Andrew Andrey \
    Andy Angel Angela Angelo Anil Anita Ann Anna Anne Annie Anthony Antoine Anton Antonio Arjun Arnold \
    Arthur Ashley Ashraf Audrey Austin Avi Ayman  Barack Barbara Barry Bashar Beatriz Ben Benjamin \
    Bernard Bernie Beth Betty Bill Billy Bob Bobby Boris Brad Bradley Brandon Brenda Brent Brett Brian \
    Bridget Bruce Bryan Caitlin  Cameron Carl Carla Carlos Carmen Carol Caroline Carolyn Casey \
    Catherine Cathy Cecilia Chad Charles Charlie Charlotte Cheryl Chris Christian Christina Christine \
    Christopher Chuck Cindy Claire Clara Claudia Colin Connor Craig Cristian Cristina Curtis Cynthia \
    Dale Dan Dana Daniel Daniela Danielle Danny Darren Dave David Dean Deborah Debra Denis Dennis Derek \
    Diana Diane Diego Dimitri Dmitry Dmitri Dominic Don Donald Donna Doris Doug Douglas Duncan Dylan \
    Earl Ed Eddie Edgar Eduardo Edward Elena Eli Elijah Elizabeth Ella Ellen Elon Emily Emma Emmanuel \
    Enrique Eric Erik Erin Ernest Ethan Eugene Eva Evan Evelyn Fabio Farhad Fatima Felipe Felix \
     Fernando Francesca Francis Francisco Frank Franklin Fred Frederick Gabriel Gabriela Gail \
    Gary Gavin Gene Geoffrey George Gerald Gerard Gina Giovanni Giuseppe Glen Glenn Gloria Gordon Grace \
    Graham Grant Greg Gregory Guido Gustavo Hamid Hana Hannah Hans Harold Harry Hassan Heather Hector \
    Heidi Helen Helena Henry Hillary Hiroshi Holly  Howard Hugh Hugo Hussein Ian Ibrahim Igor \
     Ilya Irene Isaac Isabel Isabella Ivan Jack Jackie Jacob Jacques James Jamie Jan Jane Janet \
    Janice Jared Jasmine Jason Javier Jay Jean  Jeff Jeffrey Jennifer Jenny Jeremy Jerome Jerry \
    Jesse Jessica Jesus Jill Jim Jimmy Jo Joan Joanna Joe Joel Johan John Johnny Jon Jonathan Jorge \
    Jose Joseph Josh Joshua Juan Judith Judy Julia Julian Julie Julien Justin  Kamala Karen Karim \
    Karl Kate Katherine Kathleen Kathryn Kathy Katie Keir Keith Kelly Ken Kenneth Kevin Khalid Kim \
    Kimberly Kirk Kristen Kristin Kristina Kristine  Kurt Kyle  Lara Larry Laura Lauren \
    Lawrence Leah Lee Leo Leon Leonardo Leslie Liam Linda Lindsay Lindsey Lisa Liz Logan Lois Lori \
    Louis Louise Luca Lucas Lucy Luis Luke Lynn Manuel Marc Marcel Marcelo Marco Marcus Margaret Maria \
    Marie Marina Mario Marion Mark Marta Martha Martin Mary Mason  Matt Matthew Maurice Max \
     Maya Megan Melanie Melissa Michael Michel Michelle Miguel Mikhail Mike Miles Mohamed \
    Mohammad Mohammed Monica  Muhammad Myles Nadia Nancy Naomi Narendra Natalia Natalie Nathan \
    Neil Nicholas Nick Nicola Nicolas Nicole Nikita Nikolai Nina Noah Noel Nora Norman Novak Olga \
    Oliver Olivia Omar Oscar Owen Pablo Pamela Paolo Pat Patricia Patrick Paul Paula Pedro Peggy Penny \
    Peter Philip Phillip Pierre Rachel Rafael Rahul Raj Ralph Ramon Randy Raul Ray Raymond Rebecca \
     Renee Reza Ricardo Richard Rick Rishi Rob Robert Roberto Robin Rodrigo Roger Roland Ron \
    Ronald Rosa Rose Ross Roy Ruby Russell Ruth Ryan  Sajid Sally Sam Samantha Samuel Sandra Sara \
    Sarah Saul Scott Sean Sebastian Serena  Sergei Sergey Seth Shannon Sharon Shawn Sheila \
     Shirley Simon Sofia Sonia Sonya Sophia Sophie Stanley Stefan Stephanie Stephen Steve \
    Steven Stuart Sue Susan Suzanne Sven Tamara Tanya Tara Taylor Ted Teresa Terry Thomas Tiffany Tim \
    Timothy Tina Todd Tom Tommy Tony  Tracy Travis  Troy Tyler Valerie Vanessa  Victor \
    Victoria Viktor Vincent Virginia Vivian Vladimir Walter Wanda Wayne Wendy Will William Willie \
    Xavier Yasmin  Yuki Yuri Yusuf Zachary Zoe Zach Andre Angelina Ashraf Dominique Emmanuelle \
    Gwen      Marie-Claire Jean-Claude Jean-Pierre \
    Alexandria Ayesha Imran Nawaz Shehbaz Benazir Indira Rajiv Sonia Priyanka Amit Sunil Vijay Ravi \
    Sanjay Ajay Deepak Pooja Priya Anjali Manmohan Xi Li Wang Zhang Chen Liu Shinzo Fumio Yoshihide \
    Kenji Takeshi Haruki Yoon Recep Ekrem Mahmoud Mustafa Yasser Hosni Abdel Abbas Kofi Nelson \
    Cyril Jacob Thabo Uhuru William Volodymyr Petro Viktor Yulia Sergiy Oleksandr Olena Dmytro Kirill \
    Maxim Ramzan Alexei Yevgeny Marine Emmanuel Angela Olaf Friedrich Annalena Giorgia Matteo Silvio \
    Pedro Mariano Santiago Javier Nicolás Jair Luiz Inácio Dilma Gustavo Claudia Andrés Cristina \
    Justin Jacinda Anthony Malcolm Scott Kevin Julia Helmut Gerhard Jens Mette Magdalena Ursula Charles
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}

/// Grammatical gender of common given names, for resolving "he" / "she" to a person of
/// matching name. Names used for both (Jo, Robin, Taylor, Jean…) have none.
enum NameGender {
    static let female: Set<String> = Set("""
    Abby Abigail Alexandra Alice Alicia Alison Amanda Amber Amy Ana Anastasia Andrea Angela Angelina \
    Anita Ann Anna Anne Annie Annalena Anjali Ashley Audrey Ayesha Barbara Beatriz Beth Betty Benazir \
    Brenda Bridget Caitlin Carla Carmen Carol Caroline Carolyn Catherine Cathy Cecilia Charlotte Cheryl \
    Christina Christine Cindy Claire Clara Claudia Cristina Cynthia Deborah Debra Diana Diane Dilma \
    Donna Doris Elena Elizabeth Ella Ellen Emily Emma Emmanuelle Erin Eva Evelyn Fatima Francesca Gabriela \
    Gail Giorgia Gina Gloria Grace Gwen Hana Hannah Heather Heidi Helen Helena Hillary Holly Indira Irene \
    Isabel Isabella Jacinda Jackie Jane Janet Janice Jasmine Jennifer Jenny Jessica Jill Joan Joanna Judith \
    Judy Julia Julie Kamala Karen Kate Katherine Kathleen Kathryn Kathy Katie Kimberly Kristen Kristin \
    Kristina Kristine Lakshmi Lara Laura Lauren Leah Linda Lindsay Lindsey Lisa Liz Lois Lori Louise Lucy \
    Magdalena Margaret Maria Marie Marie-Claire Marina Marine Marion Marta Martha Mary Maya Megan Melanie \
    Melissa Mette Michelle Monica Nadia Nancy Naomi Natalia Natalie Nicola Nicole Nina Nora Olena Olga \
    Olivia Pamela Paula Peggy Penny Pooja Priya Priyanka Rachel Rebecca Renee Rosa Rose Ruby Ruth Sally \
    Samantha Sandra Sara Sarah Serena Sharon Sheila Shirley Sofia Sonia Sophia Sophie Stephanie Sue Susan \
    Suzanne Tamara Tanya Tara Teresa Tiffany Tina Tracy Ursula Valerie Vanessa Victoria Virginia Vivian \
    Wanda Wendy Yasmin Yulia Zoe Alexandria Daniela Danielle Patricia Sonya
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    static let ambiguous: Set<String> = [
        "Jo", "Lee", "Kim", "Robin", "Taylor", "Jamie", "Casey", "Leslie", "Dana", "Pat", "Sam", "Alex",
        "Jan", "Jean", "Lynn", "Shannon", "Kelly", "Jordan", "Morgan", "Ali", "Yuki", "Li", "Wang", "Zhang",
        "Chen", "Liu", "Moon", "Yoon", "Angel", "Dominique", "Marion", "Terry", "Tracy", "Andrea", "Nicola", "Sasha",
    ]

    /// "she", "he", or nil when the name does not say.
    static func pronoun(forFullName name: String) -> String? {
        guard let first = name.split(separator: " ").first.map(String.init), !ambiguous.contains(first) else { return nil }
        if female.contains(first) { return "she" }
        if GivenNames.all.contains(first) { return "he" }
        return nil
    }
}
